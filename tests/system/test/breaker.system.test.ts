// The payment provider failing half its calls with 2 s latency: the breaker opens, checkout refuses fast
// with a clear message, browsing is unaffected, no order is left hanging — and it all recovers when the
// provider does.
import { expect, it } from "vitest";
import { waitFor } from "@emporium/testkit";
import {
  buy,
  CARDS,
  describeSystem,
  pool,
  setProviderFaults,
  stockedVariants,
  tokenize,
  waitTerminal,
} from "../src";

describeSystem("payment provider outage", { products: 60, carrierStepMs: 100 }, (platform) => {
  it("opens the breaker, fails checkout fast and clearly, keeps browsing up, leaves no order stuck, recovers", async () => {
    const stack = platform();
    const variants = await stockedVariants(stack, 10);
    // Cards are tokenised before the outage (the provider's token endpoint suffers from it too).
    const tokens = (await pool(40, 10, () => tokenize(stack.pspUrl, CARDS.approve))).filter(
      (t): t is string => typeof t === "string",
    );
    let nextToken = 0;
    const token = () => tokens[nextToken++ % tokens.length] ?? "";
    await setProviderFaults(stack.pspUrl, { latencyMs: 2000, failureRate: 0.5 });
    // Orders placed as the outage begins: the breaker sees the failures and opens.
    const during = await pool(20, 10, async (i) =>
      buy(stack, [{ variantId: variants[i % 10]?.id ?? "", quantity: 1 }], token()),
    );
    const placedDuring = during.filter((r): r is Exclude<typeof r, Error> => !(r instanceof Error));
    await waitFor(
      async () => {
        const started = Date.now();
        try {
          await buy(stack, [{ variantId: variants[0]?.id ?? "", quantity: 1 }], token());
          return false;
        } catch (err) {
          return (
            err instanceof Error &&
            /Payments are temporarily unavailable/.test(err.message) &&
            Date.now() - started < 1_500
          );
        }
      },
      { timeoutMs: 90_000, intervalMs: 1_000, what: "checkout to refuse fast while the breaker is open" },
    );
    // Browsing does not depend on payments.
    const browseStarted = Date.now();
    const page = await stack.catalog.product.list.query({ limit: 24 });
    expect(page.items.length).toBeGreaterThan(0);
    expect(Date.now() - browseStarted).toBeLessThan(2_000);
    // Nothing placed during the outage hangs: each is delivered or cancelled with a clear reason.
    const counts = await waitTerminal(
      stack,
      placedDuring.map((p) => p.orderId),
      180_000,
    );
    const cancelled = await stack.db.prisma.order.findMany({
      where: { id: { in: placedDuring.map((p) => p.orderId) }, status: "CANCELLED" },
    });
    for (const o of cancelled) expect(o.cancelReason).toMatch(/Payment could not be processed/);
    console.log(`during the outage: ${JSON.stringify(counts)}`);

    await setProviderFaults(stack.pspUrl, { latencyMs: 0, failureRate: 0 });
    const after = await waitFor(
      async () => {
        try {
          return await buy(
            stack,
            [{ variantId: variants[1]?.id ?? "", quantity: 1 }],
            await tokenize(stack.pspUrl, CARDS.approve),
          );
        } catch {
          return null;
        }
      },
      { timeoutMs: 120_000, intervalMs: 2_000, what: "checkout to work again after the provider recovered" },
    );
    expect(await waitTerminal(stack, [after.orderId])).toEqual({ DELIVERED: 1 });
  });
});
