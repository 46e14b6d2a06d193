/**
 * The stand-in in a process of its own, as a real server is (the benchmark runs it so that the
 * client's work and the server's do not share one JavaScript thread). Prints `{"url": …}` on one
 * line when listening; exits when its stdin closes.
 */
import { startStandIn } from "./stand-in"

async function main(): Promise<void> {
  const standIn = await startStandIn()
  process.stdout.write(`${JSON.stringify({ url: standIn.url })}\n`)
  process.stdin.resume()
  process.stdin.on("end", () => {
    void standIn.close().then(() => process.exit(0))
  })
}

void main()
