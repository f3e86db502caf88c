// The payment provider simulator's own process: the stand-in PSP that the storefront tokenizes cards
// with and the payment worker authorizes, captures and refunds against. State lives in memory only.
import { createLogger } from "@emporium/observability";
import { loadPspEnv } from "./env";
import { startPsp } from "./api/server";

const env = loadPspEnv();
const log = createLogger({ service: "psp", level: env.LOG_LEVEL, format: env.LOG_FORMAT });
const psp = await startPsp({ host: env.PSP_HOST, port: env.PSP_PORT, log, capacity: env.PSP_MAX_RECORDS });
log.info(`payment provider simulator listening on ${psp.url}`);

let stopping = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) process.exit(1);
  stopping = true;
  log.info({ signal }, "shutting down");
  const deadline = setTimeout(() => {
    log.error("shutdown took too long; exiting");
    process.exit(1);
  }, 10_000);
  deadline.unref();
  await psp.close();
  log.info("stopped");
  process.exit(0);
}
process.on("SIGTERM", (signal) => void shutdown(signal));
process.on("SIGINT", (signal) => void shutdown(signal));
