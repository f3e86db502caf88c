// The limits on guessing: how many sign-in attempts an account gets, and sign-up attempts an email gets,
// per window. The port is @emporium/rate-limit's (Redis-backed when configured, in-process otherwise);
// tests hand in limiters with small numbers.
import type { RateLimiter } from "@emporium/rate-limit";

export interface AttemptLimits {
  /** Keyed by the normalised email of the account being signed in to. */
  signIn: RateLimiter;
  /** Keyed by the normalised email being signed up. */
  signUp: RateLimiter;
}
