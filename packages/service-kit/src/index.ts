export * from "./errors";
export {
  asTrpcError,
  createServiceTrpc,
  type ServiceContext,
  type ServiceTrpcOptions,
  type StaffPrincipal,
} from "./trpc";
export {
  createServiceServer,
  KEEP_ALIVE_MS,
  requestContext,
  SECURITY_HEADERS,
  sendJson,
  type ContextBase,
  type RequestContext,
  type ServiceServer,
  type ServiceServerOptions,
} from "./server";
export type { Readiness, ReadinessCheck } from "@emporium/runtime";
