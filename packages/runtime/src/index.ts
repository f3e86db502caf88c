export { brokerEnv, connectBrokers, type Brokers } from "./brokers";
export { opsHandler, startOpsServer, type Readiness, type ReadinessCheck } from "./ops-server";
export { onShutdown } from "./shutdown";
export { schemaCheck, waitForSchema } from "./schema";
export { describeZodError, zodIssuePath } from "./zod-errors";
export {
  runWorker,
  type Closable,
  type RunningWorker,
  type RunWorkerOptions,
  type WorkerDeps,
  type WorkerUnit,
} from "./run-worker";
