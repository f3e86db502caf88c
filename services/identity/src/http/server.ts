// The identity service's HTTP surface (tRPC under /trpc plus /healthz, /readyz and /metrics) from the
// shared service kit. A token that is present but not valid is refused with 401 before any procedure
// runs, and no answer may be kept by a shared cache: they name people.
import {
  createServiceServer,
  type ContextBase as BaseOf,
  type ReadinessCheck,
  type ServiceServer,
} from "@emporium/service-kit";
import { appRouter } from "../router/_app";
import type { Context } from "../trpc";

export type ContextBase = BaseOf<Context>;

export function createIdentityServer(
  base: ContextBase,
  tokenKey: Uint8Array,
  checks: readonly ReadinessCheck[],
): ServiceServer {
  return createServiceServer({
    router: appRouter,
    log: base.log,
    metrics: base.metrics,
    tokenKey,
    checks,
    ...(base.readiness ? { readiness: base.readiness } : {}),
    headers: { "cache-control": "no-store" },
    verifyTokenFirst: true,
    createContext: (request) => ({ ...base, ...request }),
  });
}
