export * from "./errors";
export { CLIENT_IP_HEADER, parseIp, rateKeyOfIp } from "./client-ip";
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
  clientIpOf,
  createServiceServer,
  MAX_BATCH_SIZE,
  requestContext,
  retryAfterHeader,
  type ContextBase,
  type RequestContext,
  type ServiceServerOptions,
} from "./server";
export type { Readiness, ReadinessCheck } from "@emporium/runtime/ops";
