/**
 * Values of the Chinese digit characters, the one table every reader of written numbers starts from
 * (两 is the "two" of counts; 零 and 〇 are the written zero). 十 and larger units are each reader's
 * own business: a case feature reads "几" and "半" loosely, a callback time reads strictly.
 */
export const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}
