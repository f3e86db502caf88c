export { createLogger, type Logger, type LoggerOptions } from "./logger";
export { createServiceMetrics, metricsRoute, processMetrics, type ServiceMetrics } from "./metrics";
export { outageLog, type OutageLog } from "./outage";
export { requestIdsFrom, traceparentOf, type RequestIds } from "./request-context";
export { BREAKER_STATE, measureBreaker, type ObservedBreaker } from "./breaker-metrics";
export { measureDbPool, type PoolSource } from "./pool-metrics";
export {
  activeTraceId,
  activeTraceparent,
  inConsumerSpan,
  inServerSpan,
  nameActiveSpan,
  startProducerSpan,
  startTracing,
  stopTracing,
  tracingEnabled,
  TRACE_EXPORTERS,
  type MessageSpanInfo,
  type ProducerSpan,
  type ServerAnswer,
  type TraceExporter,
  type TracingOptions,
} from "./tracing";
export { SCRUBBED, scrubText, scrubValue } from "./log-scrub";
