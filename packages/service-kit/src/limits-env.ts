// Rate limits as configuration, named alike in every service: <NAME>_ATTEMPTS per <NAME>_WINDOW_SECONDS
// (SIGN_IN_PER_IP_ATTEMPTS, PLACE_ORDER_PER_CART_WINDOW_SECONDS…), and the variables every tRPC service
// shares: the Redis holding the counts and the limit on changes per staff member.
import { z } from "zod";
import { env } from "@emporium/config";

/** A limit: `attempts` per window of `windowSeconds`, from a key's first counted attempt. */
export interface Limit {
  attempts: number;
  windowSeconds: number;
}

export type LimitKeys<N extends string> = `${N}_ATTEMPTS` | `${N}_WINDOW_SECONDS`;

type PositiveInt = ReturnType<typeof env.positiveInt>;

/**
 * `<name>_ATTEMPTS` and `<name>_WINDOW_SECONDS`, defaulting to `fallback`; `what` completes "Attempts
 * allowed per window: …" and "The window of …" in the configuration reference.
 */
export function limitEnv<N extends string>(
  name: N,
  fallback: Limit,
  what: { attempts: string; window: string },
): Record<LimitKeys<N>, PositiveInt> {
  const shape: Record<string, PositiveInt> = {
    [`${name}_ATTEMPTS`]: env.positiveInt(fallback.attempts).describe(what.attempts),
    [`${name}_WINDOW_SECONDS`]: env.positiveInt(fallback.windowSeconds).describe(what.window),
  };
  return shape as Record<LimitKeys<N>, PositiveInt>;
}

/** The limit `limitEnv(name, …)` configured, from the parsed environment. */
export function limitOf<N extends string>(e: Record<LimitKeys<N>, number>, name: N): Limit {
  return { attempts: e[`${name}_ATTEMPTS`], windowSeconds: e[`${name}_WINDOW_SECONDS`] };
}

/** The limit on changes per staff member every tRPC service has (the kit's staffProcedure spends it). */
export const staffMutationsEnvShape = limitEnv(
  "STAFF_MUTATIONS",
  { attempts: 300, windowSeconds: 60 },
  {
    attempts: "Changes (staff mutations) one staff member may make per window.",
    window: "The staff-changes window, from a staff member's first counted change.",
  },
);

/** What every tRPC service's configuration has: where the counts live, and changes per staff member. */
export const rateLimitEnvShape = {
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" })
    .optional()
    .describe(
      "Redis (redis:// or rediss://) holding the rate-limit counts every replica shares; unset: each process counts on its own, as each does while Redis is down.",
    ),
  ...staffMutationsEnvShape,
};
