// The rate limiter port: how many more attempts a key (an account, an email, an IP) gets in the current
// window. Use cases ask it before doing expensive or abusable work (an argon2 check, a sign-up) and turn
// a refusal into a 429 that says when to try again.

export type RateDecision =
  { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts one attempt for `key`; refused once the window's attempts are used up. */
  consume(key: string): Promise<RateDecision>;
  /** Forgets `key`'s attempts (e.g. after a successful sign-in). */
  reset(key: string): Promise<void>;
  /** Releases the connection, if any. */
  close(): Promise<void>;
}

export interface RateLimit {
  /** Attempts allowed per window. */
  points: number;
  /** The window's length; it starts at a key's first attempt. */
  durationSeconds: number;
  /** Keeps limiters sharing one store apart ("identity:sign-in"). */
  keyPrefix: string;
}
