// What every system suite starts with, written once: its real servers looked up (the suite is skipped
// loudly without them, or fails under REQUIRE_REAL_SERVERS), one platform started before its tests and
// stopped after them, and a run of orders placed through the API that may contain no refusal.
import { describe, expect } from "vitest";
import { systemServers } from "./servers";
import { buy, CARDS, pool, stockedVariants, tokenize, waitTerminal } from "./shop";
import type { Stack, StackOptions } from "./stack";
import type { StockedVariant } from "./shop";
import { useStack } from "./use-stack";

export type SystemServers = ReturnType<typeof systemServers>;
export type PlatformOptions = Omit<StackOptions, "databaseAdminUrl" | "kafkaBrokers" | "amqpUrl">;

/**
 * `describe(title)` over one running platform. `body` gets the platform (call it inside a test) and
 * the servers; `alsoNeeds` are further real servers the suite cannot run without.
 */
export function describeSystem(
  title: string,
  options: PlatformOptions,
  body: (platform: () => Stack, servers: SystemServers) => void,
  alsoNeeds: readonly { available: boolean }[] = [],
): void {
  const servers = systemServers(`system: ${title}`);
  describe.runIf(servers.available && alsoNeeds.every((s) => s.available))(title, () => {
    body(useStack(servers, options), servers);
  });
}

export interface OrderRun {
  count: number;
  concurrency: number;
  /** Order i buys variants[i % variants.length]. */
  variants: readonly StockedVariant[];
  /** The card order i pays with (default: one that is approved). */
  card?: (i: number) => string;
  /** How many units order i buys (default 1). */
  quantity?: (i: number) => number;
}

export interface RunningOrders {
  /** Orders placed so far (tests wait on it to strike mid-run). */
  placed(): number;
  /** The ids of all orders, once every one has been placed; the test fails if any was refused. */
  finished: Promise<string[]>;
}

/** Places `count` orders through the API, `concurrency` at a time, each with a freshly tokenised card. */
export function startOrders(stack: Stack, run: OrderRun): RunningOrders {
  let placed = 0;
  const finished = pool(run.count, run.concurrency, async (i) => {
    const line = {
      variantId: run.variants[i % run.variants.length]?.id ?? "",
      quantity: run.quantity?.(i) ?? 1,
    };
    const order = await buy(stack, [line], await tokenize(stack.pspUrl, run.card?.(i) ?? CARDS.approve));
    placed++;
    return order;
  }).then((results) => {
    expect(results.filter((r): r is Error => r instanceof Error).map((e) => e.message)).toEqual([]);
    return results.filter((r): r is Exclude<typeof r, Error> => !(r instanceof Error)).map((p) => p.orderId);
  });
  return { placed: () => placed, finished };
}

/**
 * Traffic through every process, the kind that would leak ids into labels: `orders` orders (every
 * fourth declined) run to a terminal state, product pages of a listing, a search, and a product that
 * does not exist (a client error).
 */
export async function mixedTraffic(
  stack: Stack,
  o: { orders: number; concurrency: number; variants: number; products: number },
): Promise<void> {
  const variants = await stockedVariants(stack, o.variants);
  const ids = await startOrders(stack, {
    count: o.orders,
    concurrency: o.concurrency,
    variants,
    card: (i) => (i % 4 === 3 ? CARDS.decline : CARDS.approve),
  }).finished;
  await waitTerminal(stack, ids);
  const list = await stack.catalog.product.list.query({ limit: o.products });
  for (const p of list.items) await stack.catalog.product.bySlug.query({ slug: p.slug });
  await stack.catalog.search.suggest.query({ q: "shirt" });
  await expect(stack.catalog.product.bySlug.query({ slug: "no-such-product-here" })).rejects.toThrow();
}
