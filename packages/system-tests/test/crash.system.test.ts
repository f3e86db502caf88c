// kill -9 of the inventory worker and of the payment worker in the middle of a 300-order run, then a
// restart: every order still reaches a terminal state, and the provider saw at most one capture per
// order — unacknowledged commands were redelivered, idempotency keys did the rest.
import { describe, expect, it } from "vitest";
import { waitFor } from "@emporium/testkit";
import {
  buy,
  CARDS,
  pool,
  providerStats,
  stockedVariants,
  systemServers,
  tokenize,
  waitTerminal,
  useStack,
} from "../src";

const servers = systemServers("system: worker crashes");

describe.runIf(servers.available)("workers killed mid-run", () => {
  const platform = useStack(servers, { products: 80, carrierStepMs: 150 });

  it("loses no order and charges no card twice when inventory and payment are killed -9", async () => {
    const stack = platform();
    const variants = await stockedVariants(stack, 30);
    let done = 0;
    const run = pool(300, 12, async (i) => {
      const placed = await buy(
        stack,
        [{ variantId: variants[i % variants.length]?.id ?? "", quantity: 1 }],
        await tokenize(stack.pspUrl, i % 15 === 0 ? CARDS.decline : CARDS.approve),
      );
      done++;
      return placed;
    });
    await waitFor(() => done >= 60, { timeoutMs: 120_000, what: "the run to get going" });
    await stack.kill("inventory");
    await waitFor(() => done >= 120, { timeoutMs: 120_000, what: "more orders while inventory is down" });
    await stack.kill("payment");
    await waitFor(() => done >= 160, { timeoutMs: 120_000, what: "more orders while both are down" });
    await stack.restart("inventory");
    await stack.restart("payment");
    const results = await run;
    const failures = results.filter((r): r is Error => r instanceof Error);
    expect(failures.map((e) => e.message)).toEqual([]);
    const ids = results
      .filter((r): r is Exclude<typeof r, Error> => !(r instanceof Error))
      .map((p) => p.orderId);
    const counts = await waitTerminal(stack, ids, 300_000);
    expect(counts).toEqual({ DELIVERED: 280, CANCELLED: 20 });
    const stats = await providerStats(stack.pspUrl);
    const doubleCaptured = ids.filter((id) => (stats.get(id)?.captures ?? 0) > 1);
    expect(doubleCaptured).toEqual([]);
    expect(ids.filter((id) => (stats.get(id)?.authorizations ?? 0) > 1)).toEqual([]);
    console.log(
      `crash run: ${JSON.stringify(counts)}, provider replays served: ${[...stats.values()].reduce((n, s) => n + s.replays, 0)}`,
    );
  });
});
