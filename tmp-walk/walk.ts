import { chromium } from "playwright-core"
import { listPage, historyPage } from "../bench/browser/pages"
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium"
async function main() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] })
  for (const [name, html] of [["list-1000", listPage(1000)], ["history-2000", historyPage(2000)], ["list-10000", listPage(10000)]] as const) {
    const page = await browser.newPage()
    await page.setContent(html)
    const res = await page.evaluate(require('fs').readFileSync('tmp-walk/browser.js','utf8'))
    console.log(name, res)
    await page.close()
  }
  await browser.close()
}
void main()
