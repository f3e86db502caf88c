// For suites that call procedures through a tRPC caller: the per-request part of a context, as the
// HTTP server would build it from a verified token naming `principal`.
import type { Principal } from "@emporium/auth";
import type { RequestContext } from "./server";

export function requestAs(principal: Principal, requestId = "test"): Omit<RequestContext, "log"> {
  return {
    requestId,
    traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
    principal: () => Promise.resolve(principal),
  };
}
