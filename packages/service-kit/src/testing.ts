// For suites that call procedures through a tRPC caller: the per-request part of a context, as the
// HTTP server would build it from a verified token naming `principal`, and the refusal a call met.
import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import type { Principal } from "@emporium/auth";
import type { RequestContext } from "./server";

export function requestAs(principal: Principal, requestId = "test"): Omit<RequestContext, "log"> {
  return {
    requestId,
    traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
    principal: () => Promise.resolve(principal),
  };
}

/**
 * The TRPCError `call` was refused with (checking its code when one is given); throws when the call
 * succeeded or failed with anything but a TRPCError, so a test cannot pass by accident.
 */
export async function refusal(call: Promise<unknown>, code?: TRPC_ERROR_CODE_KEY): Promise<TRPCError> {
  const outcome = await call.then(
    () => ({ refused: false as const }),
    (err: unknown) => ({ refused: true as const, err }),
  );
  if (!outcome.refused) throw new Error(`expected the call to be refused${code ? ` with ${code}` : ""}`);
  if (!(outcome.err instanceof TRPCError)) throw outcome.err;
  if (code && outcome.err.code !== code)
    throw new Error(`expected ${code}, got ${outcome.err.code}: ${outcome.err.message}`);
  return outcome.err;
}
