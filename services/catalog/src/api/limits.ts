// The catalog's rate limits: searches and search suggestions per address (a scraper walking the shop
// through the search box, or a script hammering autocomplete), and, as in every service, changes per
// staff member. They count what reaches a procedure: an answer the response cache (./response-cache.ts)
// already holds is served without counting, since it costs the catalog nothing.
import { z } from "zod";
import {
  createLimiters,
  limitEnv,
  limitOf,
  type Limit,
  type LimitKeys,
  type RateLimiter,
  type ServiceLimits,
  staffMutationsEnvShape,
} from "@emporium/service-kit/limits";
import type { Logger } from "@emporium/observability";

export interface CatalogLimits extends ServiceLimits {
  /** product.list with search text, keyed by the caller's address (rateKeyOfIp). */
  searchPerIp: RateLimiter;
  /** search.suggest, keyed by the caller's address. */
  suggestPerIp: RateLimiter;
}

export const SEARCH_LIMITED = "Too many searches from your network";
export const SUGGEST_LIMITED = "Too many search suggestions from your network";

/** SEARCH_PER_IP_* and SUGGEST_PER_IP_*, shared with the development host. */
export const catalogLimitsEnvShape = {
  ...limitEnv(
    "SEARCH_PER_IP",
    { attempts: 120, windowSeconds: 60 },
    {
      attempts: "Searches (listings with search text) per address (an IPv6 /64) per window.",
      window: "The search window, from an address's first counted search.",
    },
  ),
  ...limitEnv(
    "SUGGEST_PER_IP",
    { attempts: 300, windowSeconds: 60 },
    {
      attempts:
        "Search suggestions (autocomplete, asked as a shopper types) per address (an IPv6 /64) per window.",
      window: "The suggestions window, from an address's first counted request.",
    },
  ),
};

export interface CatalogLimitsConfig {
  redisUrl: string | undefined;
  limits: Record<"searchPerIp" | "suggestPerIp" | "staffMutations", Limit>;
}

export function catalogLimitsOf(
  e: { REDIS_URL?: string | undefined } & Record<
    LimitKeys<"SEARCH_PER_IP" | "SUGGEST_PER_IP" | "STAFF_MUTATIONS">,
    number
  >,
): CatalogLimitsConfig {
  return {
    redisUrl: e.REDIS_URL,
    limits: {
      searchPerIp: limitOf(e, "SEARCH_PER_IP"),
      suggestPerIp: limitOf(e, "SUGGEST_PER_IP"),
      staffMutations: limitOf(e, "STAFF_MUTATIONS"),
    },
  };
}

/**
 * The limiters `config` describes: in Redis when it names one, in this process otherwise. Whoever
 * makes them closes them, after the server has stopped.
 */
export function createCatalogLimits(
  config: CatalogLimitsConfig,
  log: Logger,
): CatalogLimits & { close(): Promise<void> } {
  return createLimiters("catalog", config, log);
}

/** The default limits, counted in this process: for a host or a test that configures none. */
export function defaultCatalogLimits(log: Logger): CatalogLimits {
  const defaults = z.object({ ...catalogLimitsEnvShape, ...staffMutationsEnvShape }).parse({});
  return createCatalogLimits(catalogLimitsOf(defaults), log);
}
