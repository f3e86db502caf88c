// Counts one attempt against a limit before the work it guards (an argon2 check, an account made), and
// refuses with 429 and a message saying when to try again once the window's attempts are spent.
import type { RateLimiter } from "@emporium/rate-limit";
import { TooManyRequestsError } from "@emporium/service-kit/errors";
import { describeWait } from "../domain/wait";

/** `tooMany` opens the refusal: "Too many sign-in attempts for this account". */
export async function spendAttempt(limiter: RateLimiter, key: string, tooMany: string): Promise<void> {
  const decision = await limiter.consume(key);
  if (decision.allowed) return;
  const wait = decision.retryAfterSeconds;
  throw new TooManyRequestsError(`${tooMany}; try again in ${describeWait(wait)}`, wait);
}
