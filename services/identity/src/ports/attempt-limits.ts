// The limits on guessing: how many sign-in attempts an account gets, and an address (a network); how
// many sign-up attempts an email gets, per window; and, as in every service, how many changes a staff
// member makes. The port is @emporium/rate-limit's (Redis-backed when configured, in-process
// otherwise); tests hand in limiters with small numbers.
import type { RateLimiter, ServiceLimits } from "@emporium/service-kit/limits";

export interface AttemptLimits extends ServiceLimits {
  /** Keyed by the normalised email of the account being signed in to; a sign-in clears it. */
  signIn: RateLimiter;
  /**
   * Keyed by the caller's address (rateKeyOfIp): one address trying many accounts. Never cleared by a
   * sign-in, or one account of the guesser's own would reset it.
   */
  signInPerIp: RateLimiter;
  /** Keyed by the normalised email being signed up. */
  signUp: RateLimiter;
}
