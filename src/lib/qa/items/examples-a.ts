/**
 * Example conversations of the greeting, restate, apology-first and deferral items: each "pass" one
 * must score pass and each "fail" one fail (tests and the rule editor's publish check). "C:" is the
 * customer, "A:" the agent.
 */
import type { ChecklistExample } from "../types"

const CO = { companyName: "盛辉物流" }
const CO_ID = { companyName: "盛辉物流", agentId: "1024" }

export const GREETING_EXAMPLES: { pass: ChecklistExample[]; fail: ChecklistExample[] } = {
  pass: [
    { turns: ["A:您好，盛辉物流客服，工号1024，很高兴为您服务，请问有什么可以帮您？"], opts: CO_ID },
    { turns: ["A:您好，盛辉物流客服，很高兴为您服务，请问有什么可以帮您？"], opts: CO },
    { turns: ["C:在吗", "A:您好，这里是盛辉物流客服，工号1024为您服务。"], opts: CO_ID },
    {
      turns: ["A:您好，顺丰速运客服，请问有什么可以帮您？"],
      note: "no company given: a carrier name counts",
    },
    { turns: ["A:您好，中通快递客服小李为您服务。"] },
    { turns: ["A:下午好，欢迎致电盛辉物流，我是客服1024号，请问有什么可以帮您？"], opts: CO_ID },
    { turns: ["A:您好，对不起，让您久等了。盛辉物流客服，工号1024，请问有什么可以帮您？"], opts: CO_ID },
    { turns: ["A:你好，盛辉物流在线客服，请讲。"], opts: CO },
    { turns: ["C:你好", "A:您好！韵达快递客服很高兴为您服务～"] },
    {
      turns: ["A:您好，盛辉物流客服，工号1024。", "C:我的件呢", "A:请提供一下单号。"],
      opts: CO_ID,
      note: "only the first agent turn counts",
    },
  ],
  fail: [
    { turns: ["A:请问有什么可以帮您？"], opts: CO, note: "no greeting word, no company" },
    { turns: ["A:您好，请问有什么可以帮您？"], opts: CO, note: "greets without the company" },
    { turns: ["A:您好，盛辉物流客服，请问有什么可以帮您？"], opts: CO_ID, note: "工号 given but not said" },
    { turns: ["A:您好，顺丰速运客服，请问有什么可以帮您？"], opts: CO, note: "another company's name" },
    { turns: ["A:盛辉物流客服，工号1024，说吧。"], opts: CO_ID, note: "company and id, no greeting" },
    { turns: ["A:在的，单号发一下。"] },
    { turns: ["C:你好", "A:嗯，什么事？"] },
    { turns: ["A:您好，客服小王为您服务。"], note: "no company at all" },
    {
      turns: ["A:您好，盛辉物流客服，工号10245，请问有什么可以帮您？"],
      opts: CO_ID,
      note: "a different, longer 工号",
    },
    {
      turns: ["A:请稍等。", "A:您好，盛辉物流客服，工号1024。"],
      opts: CO_ID,
      note: "the greeting came second",
    },
  ],
}

export const RESTATE_EXAMPLES: { pass: ChecklistExample[]; fail: ChecklistExample[] } = {
  pass: [
    {
      turns: [
        "C:我的快递三天了还没到",
        "A:我跟您确认一下：快件SH20241122001，三天未更新，我理解得对吗？",
        "C:对",
        "A:已为您联系网点催派。",
      ],
    },
    { turns: ["C:包裹破损了，里面的杯子碎了", "A:您是说外箱破损、杯子碎了对吗？我马上为您登记理赔。"] },
    { turns: ["C:显示签收了但我没收到", "A:明白您的意思，您的快件显示已签收但您本人没有收到，对吗？"] },
    {
      turns: [
        "C:寄的东西少了一件",
        "A:跟您核对一下，面单上是5件，您实际收到4件，对吗？",
        "C:是的",
        "A:已为您登记少件调查。",
      ],
    },
    {
      turns: [
        "C:快件一直卡在杭州不动了",
        "A:您的快件从20号起一直停在杭州中转，没有更新，对吗？我帮您催一下。",
      ],
      note: "restated in the agent's own words, with the solution",
    },
    { turns: ["C:你们快递员态度太差了", "A:非常抱歉，您反映的是派件员的服务态度问题，我记录一下。"] },
    { turns: ["C:收费多收了我十块", "A:您好", "C:多收了十块钱", "A:确认一下，您是被多收了10元运费对吗？"] },
    {
      turns: ["C:件被退回了，我没拒收啊", "A:了解您的情况了，快件被退回但您并没有拒收。已为您申请重新派送。"],
    },
    {
      turns: ["C:我要投诉，理赔一直不给", "A:针对您反映的理赔进度问题，我先跟您核对一下申请时间。"],
    },
    { turns: ["C:货湿了", "A:也就是说货物在运输途中受潮了，对吗？"] },
  ],
  fail: [
    { turns: ["C:我的快递三天了还没到", "A:已为您催派，请耐心等待。"], note: "solution without confirming" },
    { turns: ["C:包裹破损了", "A:建议您拍照后申请理赔。"] },
    { turns: ["C:显示签收了但我没收到", "A:好的", "C:？", "A:我这边帮您登记一下。"] },
    { turns: ["C:东西丢了", "A:您可以提供一下单号吗？我帮您申请理赔。"] },
    { turns: ["C:快件滞留好几天了"], note: "no reply yet: still open" },
    { turns: ["C:寄的东西少了一件", "A:收到", "A:已经为您反馈网点。"] },
    {
      turns: ["C:快递员把件送错了", "A:我马上为您安排重新派送。"],
      note: "a solution at once, never confirmed",
    },
    { turns: ["C:我要投诉你们乱收费", "A:这边为您转投诉专员处理。"] },
    {
      turns: ["C:货物损坏了", "A:“货物损坏了”是吧，我已为您提交理赔。"],
      note: "the customer's words quoted back are not a restatement",
    },
    { turns: ["C:件一直没更新", "A:好的", "C:怎么样了", "A:已帮您加急。"] },
  ],
}

export const APOLOGY_FIRST_EXAMPLES: { pass: ChecklistExample[]; fail: ChecklistExample[] } = {
  pass: [
    { turns: ["C:都五天了还没到！！", "A:非常抱歉让您久等了，因为中转站积压，我已为您催派。"] },
    { turns: ["C:你们这什么服务啊", "A:实在抱歉给您带来不好的体验，请问具体是哪里让您不满意？"] },
    {
      turns: [
        "C:气死了，东西摔坏了",
        "A:我完全理解您的心情，快件破损给您带来不便，非常抱歉。系统显示是中转时受损。",
      ],
    },
    {
      turns: ["C:到底什么时候送？", "A:您先别着急，我帮您看一下，目前快件在派送中。"],
      note: "acknowledging the feeling counts",
    },
    {
      turns: ["C:太慢了", "A:很抱歉，我们无法更改已发出的路由，但可以为您加急。"],
      note: "a polite refusal after the apology",
    },
    { turns: ["C:我要投诉", "A:给您添麻烦了，您说的情况我马上记录。"] },
    { turns: ["C:为什么又没送？", "A:对不起，由于派件员临时请假，今天下午会重新派送。"] },
    {
      turns: ["C:你好", "A:您好", "C:垃圾快递，耽误我事", "A:真的很抱歉耽误您了，我马上处理。"],
      note: "upset comes later in the conversation",
    },
    { turns: ["C:已经打了三次电话了", "A:辛苦您了，这次我一定跟进到底，我的工号是1024。"] },
    {
      turns: [
        "C:再不送到我就投诉",
        "A:理解您的着急，也非常抱歉。根据系统显示，快件已在派送途中。",
        "C:行吧",
        "A:好的",
      ],
    },
  ],
  fail: [
    {
      turns: ["C:都五天了还没到！！", "A:因为中转站积压，所以晚了，非常抱歉。"],
      note: "the apology comes only after the explanation",
    },
    { turns: ["C:你们这什么服务啊", "A:请提供一下单号。"], note: "no acknowledgement" },
    { turns: ["C:太慢了", "A:这个没办法，快递都是这样的。"], note: "a refusal, no apology" },
    { turns: ["C:气死了，东西摔坏了", "A:根据规定，需要您先提供照片。"] },
    { turns: ["C:为什么还没送？", "A:系统显示今天派送，您再等等，不好意思。"], note: "apology last" },
    {
      turns: ["C:我要投诉", "A:“投诉”需要您提供单号哦。"],
      note: "quoting the customer is not an apology",
    },
    { turns: ["C:什么破快递！", "A:您好，盛辉物流客服，请问有什么可以帮您？"] },
    { turns: ["C:到底能不能送到？？", "A:目前快件在杭州中转，预计明天到。"] },
    {
      turns: ["C:你好", "A:您好", "C:都三天了还不更新，搞什么", "A:我查到快件在网点，已为您催促。抱歉。"],
    },
    { turns: ["C:东西丢了，太离谱了"], note: "no reply yet: still owed" },
  ],
}

export const DEFERRAL_EXAMPLES: { pass: ChecklistExample[]; fail: ChecklistExample[] } = {
  pass: [
    { turns: ["C:我的件在哪", "A:需要联系派件网点核实，我帮您查一下，今天18点前回复您。"] },
    {
      turns: [
        "C:能赔多少",
        "A:这个问题需要调取中转站记录，我暂时无法马上答复您。我已为您升级处理，会在今天18点前给您明确答复。",
      ],
    },
    { turns: ["C:件呢", "A:由于系统暂未更新，我帮您联系网点，2小时内给您回电。"] },
    { turns: ["C:为什么退回", "A:为了帮您查询准确，需要请您稍等2分钟左右，我帮您确认一下。"] },
    { turns: ["C:理赔怎么样了", "A:理赔部正在审核，我帮您跟进，明天下午给您回复。"] },
    { turns: ["C:少了一件", "A:需要和寄件方核对清单，我帮您反馈，3个工作日内答复您。"] },
    { turns: ["C:在吗", "A:在的", "C:派件员没打电话", "A:因为要和派送员确认，我稍后回电，30分钟内联系您。"] },
    {
      turns: [
        "C:查一下",
        "A:我帮您查了一下，快件已到达上海。",
        "C:怎么还没派送",
        "A:因为要联系中转站确认，我帮您查询，今天下班前给您回复。",
      ],
      note: "a check answered at once is no deferral; the later one is complete",
    },
    { turns: ["C:改地址", "A:改地址要联系网点操作，我帮您申请，明天12点前给您答复。"] },
    { turns: ["C:多久", "A:由于涉及海关查验，我帮您上报，48小时内回复。"] },
  ],
  fail: [
    { turns: ["C:我的件在哪", "A:我帮您查一下，稍后回复您。"], note: "no reason, no time" },
    { turns: ["C:能赔多少", "A:需要联系理赔部核实，稍后给您答复。"], note: "a reason without a time" },
    { turns: ["C:件呢", "A:我帮您核实一下，今天18点前回复您。"], note: "a time without a reason" },
    { turns: ["C:理赔怎么样了", "A:已为您升级处理，请耐心等待。"] },
    { turns: ["C:什么时候有结果", "A:有结果后通知您。"] },
    { turns: ["C:改地址", "A:好的", "C:能改吗", "A:我帮您申请，尽快给您答复。"], note: "尽快 is no time" },
    { turns: ["C:少了一件", "A:会回复您的。"] },
    {
      turns: ["C:在吗", "A:因为网点还没反馈，我帮您跟进。"],
      note: "reason only",
    },
    {
      turns: ["C:件呢", "A:需要联系网点核实，今天18点前回复您。", "C:还有一件呢", "A:我帮您查一下。"],
      note: "the second deferral has neither",
    },
    { turns: ["C:多久", "A:这个我帮您反馈给上级，回头联系您。"] },
  ],
}
