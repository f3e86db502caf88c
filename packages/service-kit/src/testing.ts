// For suites that call procedures through a tRPC caller: the per-request part of a context, as the
// HTTP server would build it from a verified token naming `principal` (from `clientIp`, 127.0.0.1
// unless a suite about limits per address says otherwise), and the refusal a call met.
import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import type { Principal } from "@emporium/auth";
import { MemoryRateLimiter, type RateLimiter } from "@emporium/rate-limit";
import type { RequestContext } from "./server";

export function requestAs(
  principal: Principal,
  { requestId = "test", clientIp = "127.0.0.1" }: { requestId?: string; clientIp?: string } = {},
): Omit<RequestContext, "log"> {
  return {
    requestId,
    clientIp,
    traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
    principal: () => Promise.resolve(principal),
  };
}

let limiters = 0;
/**
 * An in-process limiter of `attempts` per `windowSeconds`, counted on its own; by default too generous
 * to be met, for suites that are not about limits (they sign in and place orders many times).
 */
export function testLimiter(attempts = 1_000_000, windowSeconds = 60): RateLimiter {
  return new MemoryRateLimiter({
    points: attempts,
    durationSeconds: windowSeconds,
    keyPrefix: `t${++limiters}`,
  });
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
