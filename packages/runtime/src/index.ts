export { brokerEnv, brokersEnvShape, connectBrokers, type Brokers } from "./brokers";
export { opsHandler, type Readiness, type ReadinessCheck } from "./ops-server";
export {
  createHttpServer,
  KEEP_ALIVE_MS,
  SECURITY_HEADERS,
  sendJson,
  startOpsServer,
  type HttpServerOptions,
  type Routes,
  type ServiceServer,
} from "./http";
export { createLoggerFrom, logShippingEnvShape, stopLogShipping, type LoggingEnv } from "./logging";
export { onShutdown, type ShutdownOptions } from "./shutdown";
export { drain, exitAfterDrainOnSignal, isDraining, startDraining } from "./draining";
export { schemaCheck, waitForSchema } from "./schema";
export { startTracingFrom, tracingEnvShape, type TracingEnv } from "./tracing";
export { describeZodError, zodIssuePath } from "./zod-errors";
export {
  runWorker,
  type Closable,
  type RunningWorker,
  type RunWorkerOptions,
  type WorkerDeps,
  type WorkerUnit,
} from "./run-worker";
