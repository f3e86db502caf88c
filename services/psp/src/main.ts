// The payment provider simulator's own process: the stand-in PSP that the storefront tokenizes cards
// with and the payment worker authorizes, captures and refunds against. State lives in memory only.
import { onShutdown } from "@emporium/runtime/shutdown";
import { loadPspEnv } from "./env";
import { startPsp } from "./api/server";
import { startTracingFrom } from "@emporium/runtime/tracing";
import { createLoggerFrom } from "@emporium/runtime";

const env = loadPspEnv();
await startTracingFrom(env, "psp");
const log = createLoggerFrom(env, "psp");
const psp = await startPsp({ host: env.PSP_HOST, port: env.PSP_PORT, log, capacity: env.PSP_MAX_RECORDS });
log.info(`payment provider simulator listening on ${psp.url}`);
onShutdown(log, () => psp.close(), { deadlineMs: 10_000 });
