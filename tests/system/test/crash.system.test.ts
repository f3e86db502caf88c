// kill -9 of the inventory worker and of the payment worker in the middle of a 300-order run, then a
// restart: every order still reaches a terminal state, and the provider saw at most one capture per
// order — unacknowledged commands were redelivered, idempotency keys did the rest.
import { expect, it } from "vitest";
import { waitFor } from "@emporium/testkit";
import { CARDS, describeSystem, providerStats, startOrders, stockedVariants, waitTerminal } from "../src";

describeSystem("workers killed mid-run", { products: 80, carrierStepMs: 150 }, (platform) => {
  it("loses no order and charges no card twice when inventory and payment are killed -9", async () => {
    const stack = platform();
    const variants = await stockedVariants(stack, 30);
    const run = startOrders(stack, {
      count: 300,
      concurrency: 12,
      variants,
      card: (i) => (i % 15 === 0 ? CARDS.decline : CARDS.approve),
    });
    const done = run.placed;
    await waitFor(() => done() >= 60, { timeoutMs: 120_000, what: "the run to get going" });
    await stack.kill("inventory");
    await waitFor(() => done() >= 120, { timeoutMs: 120_000, what: "more orders while inventory is down" });
    await stack.kill("payment");
    await waitFor(() => done() >= 160, { timeoutMs: 120_000, what: "more orders while both are down" });
    await stack.restart("inventory");
    await stack.restart("payment");
    const ids = await run.finished;
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
