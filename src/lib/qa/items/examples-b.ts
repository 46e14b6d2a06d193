/**
 * Example conversations of the eta-disclaimer, no-blunt, closing-check and farewell items (see
 * examples-a.ts for the format).
 */
import type { ChecklistExample } from "../types"

const END = { ended: true }

export const ETA_DISCLAIMER_EXAMPLES: { pass: ChecklistExample[]; fail: ChecklistExample[] } = {
  pass: [
    { turns: ["C:几天能到", "A:预计3天送达，时效仅供参考，具体以实际运输情况为准。"] },
    {
      turns: ["C:明天到吗", "A:正常明天下午能送到，不过可能会有延误，请您留意短信。"],
      note: "a disclaimer in other words",
    },
    { turns: ["C:多久", "A:标快时效一般2-3天，仅作参考，具体以实际派送为准。"] },
    { turns: ["C:寄北京多久", "A:时效大约2天，节假日可能会有延迟。"] },
    { turns: ["C:今天能到吗", "A:估计今天能到，我们无法百分之百保证，如有变化我会通知您。"] },
    {
      turns: [
        "C:什么时候送",
        "A:您寄的是定时达，明天上午10点前送达。",
        "C:普通件呢",
        "A:普通件预计3天送达，仅供参考。",
      ],
      note: "a guaranteed-time product's time is no estimate; the ordinary one carries the disclaimer",
    },
    {
      turns: ["C:我寄的件", "A:已为您催派。", "C:那大概几号到", "A:应该25号能到，天气原因可能有延迟。"],
    },
    { turns: ["C:多久到广州", "A:最快明天到，具体以实际运输情况为准哦。"] },
    { turns: ["C:后天能到吗", "A:后天应该可以送达，这个时间供您参考，不作为承诺。"] },
    {
      turns: [
        "C:几天能到",
        "A:您问“明天能到吗”，我帮您看一下。预计后天送达，时效仅供参考，具体以实际运输情况为准。",
      ],
      note: "the customer's question quoted back is no estimate; the agent's own one carries the disclaimer",
    },
  ],
  fail: [
    { turns: ["C:几天能到", "A:预计3天送达。"] },
    { turns: ["C:明天到吗", "A:估计后天能到吧"], note: "an estimate dropped mid-sentence" },
    { turns: ["C:多久", "A:标快时效一般2-3天。"] },
    { turns: ["C:寄北京多久", "A:正常2天就能到，您放心。"] },
    { turns: ["C:今天能到吗", "A:今天下午就会送到。"], note: "no hedge word at all" },
    {
      turns: ["C:什么时候送", "A:预计明天送达，时效仅供参考。", "C:另一件呢", "A:那件大概周五到。"],
      note: "the second estimate has no disclaimer",
    },
    { turns: ["C:几号到", "A:差不多28号送到，到时候注意接电话。"] },
    { turns: ["C:多久到广州", "A:最快明天到，最晚后天到。"] },
    { turns: ["C:你们快吗", "A:我们时效是1-2个工作日，很快的。"] },
    { turns: ["C:到了没", "A:还在路上，应该明天派送。"] },
  ],
}
export const NO_BLUNT_EXAMPLES: { pass: ChecklistExample[]; fail: ChecklistExample[] } = {
  pass: [
    { turns: ["C:我的件呢", "A:请您提供一下运单号，我马上为您查询。"] },
    {
      turns: ["C:你们不行啊", "A:非常抱歉给您带来不便，我马上为您处理。"],
      note: "blunt words from the customer do not count",
    },
    { turns: ["C:能全赔吗", "A:很抱歉，我们无法直接承诺全额赔偿，我先为您登记理赔。"] },
    { turns: ["C:催一下", "A:我已为您加急催派，预计明天18点前送达，如有变化会及时告知您。"] },
    {
      turns: ["C:派件员说不归他管", "A:派件员说“不归我管”，这确实不对，我来为您处理。"],
      note: "quoted words inside an agent turn",
    },
    { turns: ["A:您好，盛辉物流客服，很高兴为您服务。"] },
    { turns: ["C:太慢了", "A:理解您的心情，我帮您联系网点核实，今天下午5点前回复您。"] },
    {
      turns: ["C:这个能寄吗", "A:很抱歉，锂电池属于限寄物品，需要按规定包装后才能寄递。"],
      note: "a polite refusal",
    },
    { turns: ["C:保证明天到吗", "A:您寄的是定时达，保证明天到。"], note: "a guaranteed-time product named" },
    { turns: [], note: "no agent turn: nothing blunt" },
  ],
  fail: [
    { turns: ["C:我的件呢", "A:不知道，自己查。"] },
    { turns: ["C:能全赔吗", "A:您放心，保证全额赔偿。"] },
    { turns: ["C:太慢了", "A:这不归我们管。"] },
    { turns: ["C:几天能到", "A:您放心，保证明天到。"] },
    { turns: ["C:怎么还没到", "A:您好", "A:这是快递员的问题，跟我们没关系。"] },
    { turns: ["C:能改地址吗", "A:不行，改不了。"] },
    { turns: ["C:到了吗", "A:您听不懂吗？"] },
    { turns: ["C:赔多少", "A:您要多少就赔多少。"] },
    { turns: ["C:在吗", "A:在的", "C:催一下", "A:我也没办法。"] },
    { turns: ["C:破损了", "A:这个我做主给您全赔。"] },
  ],
}

export const CLOSING_CHECK_EXAMPLES: { pass: ChecklistExample[]; fail: ChecklistExample[] } = {
  pass: [
    { turns: ["C:好的谢谢", "A:请问还有其他可以帮您的吗？"], opts: END },
    { turns: ["C:没事了", "A:还有别的问题吗？", "C:没有了", "A:感谢您的来电，再见。"], opts: END },
    { turns: ["C:行", "A:您还有什么需要帮助的吗"], opts: END },
    { turns: ["C:知道了", "A:好的，请问您还有其他疑问吗？"], opts: END },
    { turns: ["C:嗯", "A:还有什么可以帮到您？"], opts: END },
    { turns: ["C:明白", "A:请问还有其它需要吗?"], opts: END },
    { turns: ["C:ok", "A:已为您处理好了，其他问题还需要咨询吗？"], opts: END },
    { turns: ["C:谢谢", "A:不客气，还有别的事情需要我帮忙吗？"], opts: END },
    { turns: ["C:好", "A:还有其他可以帮您的吗？", "C:没了", "A:祝您生活愉快。"], opts: END },
    { turns: ["C:好了", "A:还有其他的问题需要我为您处理吗"], opts: END },
  ],
  fail: [
    { turns: ["C:好的谢谢", "A:感谢您的来电，再见。"], opts: END },
    { turns: ["C:没事了", "A:好的。"], opts: END },
    { turns: ["C:行", "A:已为您处理。"], opts: END },
    {
      turns: ["C:你们还有其他办法吗？", "A:“还有其他办法吗”这个我问一下。", "C:好", "A:再见"],
      opts: END,
      note: "the customer's question quoted is not the agent asking",
    },
    {
      turns: [
        "A:还有其他问题吗？",
        "C:有，件破了",
        "A:已为您登记",
        "C:好",
        "A:已为您登记理赔",
        "C:行",
        "A:再见",
      ],
      opts: END,
      note: "asked early, not at the close",
    },
    { turns: ["C:知道了", "A:嗯嗯"], opts: END },
    { turns: ["C:明白", "A:祝您生活愉快！"], opts: END },
    { turns: ["C:谢谢", "A:不客气。"], opts: END },
    { turns: ["C:好的"], opts: END, note: "the agent never closed" },
    { turns: ["C:ok", "A:有问题再联系。"], opts: END },
  ],
}

export const FAREWELL_EXAMPLES: { pass: ChecklistExample[]; fail: ChecklistExample[] } = {
  pass: [
    { turns: ["C:没有了", "A:感谢您的来电，祝您生活愉快，再见。"], opts: END },
    { turns: ["C:好的", "A:谢谢您的耐心，再见！"], opts: END },
    { turns: ["C:拜拜", "A:拜拜，祝您周末愉快～"], opts: END },
    { turns: ["C:没了", "A:感谢您的支持，欢迎再次咨询。"], opts: END },
    { turns: ["C:好", "A:祝您一切顺利！"], opts: END },
    { turns: ["C:谢谢", "A:感谢您的理解与配合。"], opts: END },
    { turns: ["C:行", "A:欢迎随时联系我们，再会。"], opts: END },
    { turns: ["C:嗯", "A:好的，感谢您选择盛辉物流。"], opts: END },
    {
      turns: [
        "C:没事了",
        "A:感谢您的来电，再见。",
        "C:等下，还有个事",
        "A:请讲",
        "C:算了没事了",
        "A:好的，祝您生活愉快。",
      ],
      opts: END,
    },
    {
      turns: ["C:没有了", "A:再见，祝您生活愉快！", "C:拜"],
      opts: END,
      note: "the customer had the last word",
    },
  ],
  fail: [
    { turns: ["C:没有了", "A:好的。"], opts: END },
    { turns: ["C:好的", "A:嗯"], opts: END },
    { turns: ["C:拜拜", "A:还有其他问题吗？"], opts: END },
    { turns: ["C:没了", "A:已为您处理。"], opts: END },
    { turns: ["C:好", "A:收到"], opts: END },
    { turns: ["C:谢谢", "A:不客气"], opts: END },
    {
      turns: ["C:你们说“再见”就完了？", "A:“再见”不是结束，我会继续跟进。"],
      opts: END,
      note: "quoted goodbye",
    },
    {
      turns: ["A:感谢您的来电，再见。", "C:等等", "A:请讲", "C:件破了", "A:已登记", "C:好", "A:嗯"],
      opts: END,
      note: "goodbye said early, the real close is curt",
    },
    { turns: ["C:没事了"], opts: END, note: "the agent never said goodbye" },
    { turns: ["C:ok", "A:有问题再找我。"], opts: END },
  ],
}
