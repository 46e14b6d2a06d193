/**
 * The design documents kept in the repo and installed by `npm run team:setup`: the write rules
 * (validate_doc_update) and the views of both team databases. CouchDB wants JavaScript source
 * strings; they run in the server's JS engine (ES5), so they use `var` and no arrow functions.
 */
import { TEAM_KINDS, type TeamDbRole } from "./docs"

/** `_design/sidekick` in both databases; bump VERSION when a view changes (setup rewrites the doc). */
export const DESIGN_ID = "_design/sidekick"
export const DESIGN_VERSION = 1

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

// The calendar day of doc.at in the QA time zone, as "YYYY-MM-DD".
const dayExpr = (utcOffsetMinutes: number) =>
  `new Date(doc.at + ${utcOffsetMinutes * 60_000}).toISOString().slice(0, 10)`

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
export function handoffsDesign(): DesignDoc {
  return {
    _id: DESIGN_ID,
    language: "javascript",
    sidekickVersion: DESIGN_VERSION,
    validate_doc_update: validateSource("handoffs"),
    views: {
      "by-waybill": {
        map: `function (doc) { if (doc.waybill && (doc.type === 'handoff' || doc.type === 'attempt')) emit([doc.waybill, doc.at], null); }`,
      },
      "by-agent-day": {
        map: `function (doc) { if (doc.type === 'handoff') emit([doc.agent, doc.at], null); }`,
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
        map: `function (doc) { if (doc.type === 'audit') emit([doc.agent, doc.agentName], doc.at); }`,
        reduce: "_stats",
      },
      // Conversation scorecards (issue 17): per item [points, max points, 1] summed, by day.
      "day-item": {
        map: `function (doc) { if (doc.type === 'scorecard' && doc.body && doc.body.items) { var day = ${day}; for (var i = 0; i < doc.body.items.length; i++) { var it = doc.body.items[i]; emit([day, it.id], [Number(it.score) || 0, Number(it.max) || 0, 1]); } } }`,
        reduce: "_sum",
      },
    },
  }
}

/** The `_security` object of a team database: `agentRole` and `qaRole` holders are members. */
export function securityObject(roles: { agentRole: string; qaRole: string }): {
  admins: { names: string[]; roles: string[] }
  members: { names: string[]; roles: string[] }
} {
  return { admins: { names: [], roles: [] }, members: { names: [], roles: [roles.agentRole, roles.qaRole] } }
}
