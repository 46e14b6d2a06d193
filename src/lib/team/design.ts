/**
 * The design documents kept in the repo and installed by `npm run team:setup`: the write rules
 * (validate_doc_update) and the views of both team databases. CouchDB wants JavaScript source
 * strings; they run in the server's JS engine (ES5), so they use `var` and no arrow functions.
 */
import { TEAM_KINDS, type TeamDbRole } from "./docs"

/** `_design/sidekick` in both databases; bump VERSION when a view changes (setup rewrites the doc). */
export const DESIGN_ID = "_design/sidekick"
export const DESIGN_VERSION = 2

const kindsOf = (role: TeamDbRole): string[] =>
  Object.entries(TEAM_KINDS)
    .filter(([, spec]) => spec.db === role)
    .map(([name]) => name)

/**
 * An agent writes only new documents of this database's kinds whose `_id` and `agent` are their own
 * CouchDB user name; nobody but a server admin changes or deletes one. Reasons start with a code
 * (`immutable:`, `not-yours:`, `bad-doc:`) the extension shows and tests match on.
 */
export function validateSource(role: TeamDbRole): string {
  return `function (newDoc, oldDoc, userCtx) {
  if (userCtx.roles.indexOf('_admin') !== -1) return;
  if (oldDoc || newDoc._deleted) throw({ forbidden: 'immutable: team documents are never changed or deleted (' + newDoc._id + ')' });
  var kinds = ${JSON.stringify(kindsOf(role))};
  var parts = String(newDoc._id).split(':');
  if (parts.length !== 4 || kinds.indexOf(parts[0]) === -1 || newDoc.type !== parts[0]) throw({ forbidden: 'bad-doc: not a document this database takes (' + newDoc._id + ')' });
  if (!userCtx.name || parts[1] !== encodeURIComponent(userCtx.name) || newDoc.agent !== userCtx.name) throw({ forbidden: 'not-yours: ' + userCtx.name + ' may write only its own documents (' + newDoc._id + ')' });
  if (typeof newDoc.at !== 'number' || typeof newDoc.body !== 'object' || newDoc.body === null) throw({ forbidden: 'bad-doc: missing at / body (' + newDoc._id + ')' });
}`
}

// The calendar day of doc.at (or another epoch-ms expression) in the QA time zone, as "YYYY-MM-DD".
const dayExpr = (utcOffsetMinutes: number, at = "doc.at") =>
  `new Date(${at} + ${utcOffsetMinutes * 60_000}).toISOString().slice(0, 10)`

/** A design document as stored: views are map/reduce source strings. */
export interface DesignDoc {
  _id: string
  _rev?: string
  language: "javascript"
  sidekickVersion: number
  validate_doc_update: string
  views: Record<string, { map: string; reduce?: string }>
}

/** The handoffs database: a colleague's timeline of one waybill, oldest first. */
export function handoffsDesign(utcOffsetMinutes = 480): DesignDoc {
  return {
    _id: DESIGN_ID,
    language: "javascript",
    sidekickVersion: DESIGN_VERSION,
    validate_doc_update: validateSource("handoffs"),
    views: {
      "by-waybill": {
        map: `function (doc) { if (doc.waybill && (doc.type === 'handoff' || doc.type === 'takeover' || doc.type === 'attempt')) emit([doc.waybill, doc.at], null); }`,
      },
      "by-agent-day": {
        map: `function (doc) { if (doc.type === 'handoff') emit([doc.agent, doc.at], null); }`,
        reduce: "_count",
      },
      // QA: handoffs, takeovers and contact attempts per day, kind and agent.
      "day-kind-agent": {
        map: `function (doc) { if (doc.type === 'handoff' || doc.type === 'takeover' || doc.type === 'attempt') { var day = ${dayExpr(utcOffsetMinutes)}; emit([day, doc.type, doc.agent], 1); } }`,
        reduce: "_count",
      },
    },
  }
}

/**
 * The QA database. Every key starts with the day so one range query covers a period; the reduce
 * folds the days away on the client (days × rules × outcomes rows, not millions of events).
 */
export function qaDesign(utcOffsetMinutes: number): DesignDoc {
  const day = dayExpr(utcOffsetMinutes)
  const audit = (key: string) =>
    `function (doc) { if (doc.type === 'audit' && doc.body) { var day = ${day}; emit(${key}, 1); } }`
  return {
    _id: DESIGN_ID,
    language: "javascript",
    sidekickVersion: DESIGN_VERSION,
    validate_doc_update: validateSource("qa"),
    views: {
      "day-outcome": { map: audit("[day, doc.body.outcome]"), reduce: "_count" },
      "day-rule-outcome": { map: audit("[day, doc.body.ruleId, doc.body.outcome]"), reduce: "_count" },
      "day-agent-outcome": { map: audit("[day, doc.agent, doc.body.outcome]"), reduce: "_count" },
      "day-site-outcome": { map: audit("[day, doc.site, doc.body.outcome]"), reduce: "_count" },
      // The latest name per 工号: _stats' max is the last time the name was used.
      "agent-name": {
        map: `function (doc) { if (doc.type === 'audit' || doc.type === 'scorecard') emit([doc.agent, doc.agentName], doc.at); }`,
        reduce: "_stats",
      },
      // Sent replies (conversation turns of the agent's) per day and agent.
      "day-agent-sent": {
        map: `function (doc) { if (doc.type === 'turn' && doc.body && doc.body.role === 'agent') { var day = ${day}; emit([day, doc.agent], 1); } }`,
        reduce: "_count",
      },
      // Conversation scorecards (issue 17), by the day the conversation started: a scorecard adds its
      // figures and takes away those of the one it replaces (body.prev), so the _sum is the latest.
      "day-item": { map: scorecardMap("item", utcOffsetMinutes), reduce: "_sum" },
      "day-agent-card": { map: scorecardMap("agent", utcOffsetMinutes), reduce: "_sum" },
    },
  }
}

/**
 * The scorecard views' map. "item": key [day, item id], value [pass, fail, na]. "agent": key
 * [day, agent], value [pass, fail, na, conversations, score sum, scored conversations].
 */
function scorecardMap(by: "item" | "agent", utcOffsetMinutes: number): string {
  const day = dayExpr(utcOffsetMinutes, "b.startedAt")
  return `function (doc) {
  if (doc.type !== 'scorecard' || !doc.body || !doc.body.items || typeof doc.body.startedAt !== 'number') return;
  var b = doc.body, day = ${day}, slot = { pass: 0, fail: 1, na: 2 };
  var items = {}, ids = [], agent = [0, 0, 0, 0, 0, 0];
  function add(list, sign) {
    for (var i = 0; i < list.length; i++) {
      var s = slot[list[i].outcome];
      if (s === undefined) continue;
      if (!items[list[i].id]) { items[list[i].id] = [0, 0, 0]; ids.push(list[i].id); }
      items[list[i].id][s] += sign;
      agent[s] += sign;
    }
  }
  add(b.items, 1);
  if (b.prev && b.prev.items) add(b.prev.items, -1);
  if (${by === "item" ? "true" : "false"}) {
    for (var k = 0; k < ids.length; k++) emit([day, ids[k]], items[ids[k]]);
    return;
  }
  agent[3] = b.prev ? 0 : 1;
  agent[4] = (typeof b.score === 'number' ? b.score : 0) - (b.prev && typeof b.prev.score === 'number' ? b.prev.score : 0);
  agent[5] = (typeof b.score === 'number' ? 1 : 0) - (b.prev && typeof b.prev.score === 'number' ? 1 : 0);
  emit([day, doc.agent], agent);
}`
}

/** The `_security` object of a team database: `agentRole` and `qaRole` holders are members. */
export function securityObject(roles: { agentRole: string; qaRole: string }): {
  admins: { names: string[]; roles: string[] }
  members: { names: string[]; roles: string[] }
} {
  return { admins: { names: [], roles: [] }, members: { names: [], roles: [roles.agentRole, roles.qaRole] } }
}
