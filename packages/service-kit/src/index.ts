export * from "./errors";
export {
  asTrpcError,
  createServiceTrpc,
  type ServiceContext,
  type ServiceTrpcOptions,
  type StaffPrincipal,
} from "./trpc";
export {
  createHttpServer,
  KEEP_ALIVE_MS,
  SECURITY_HEADERS,
  sendJson,
  type HttpServerOptions,
  type Routes,
  type ServiceServer,
} from "@emporium/runtime/http";
export {
  createServiceServer,
  MAX_BATCH_SIZE,
  requestContext,
  type ContextBase,
  type RequestContext,
  type ServiceServerOptions,
} from "./server";
export type { Readiness, ReadinessCheck } from "@emporium/runtime/ops";
