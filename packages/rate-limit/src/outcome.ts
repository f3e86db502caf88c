// rate-limiter-flexible answers a refusal by rejecting with a RateLimiterRes; this turns both outcomes
// into the port's RateDecision, so no adapter's caller sees the library's types.
import { RateLimiterRes } from "rate-limiter-flexible";
import type { RateDecision } from "./rate-limiter";

/** Counts one attempt with `consume`, answering the decision; a store error (none expected) propagates. */
export async function decide(consume: () => Promise<RateLimiterRes>): Promise<RateDecision> {
  try {
    const res = await consume();
    return { allowed: true, remaining: res.remainingPoints };
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err;
    // Never "retry in 0 seconds": a caller told 0 would come straight back and be refused again.
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(err.msBeforeNext / 1000)) };
  }
}
