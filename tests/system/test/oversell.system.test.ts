// 200 concurrent buyers for 5 units of each of 10 SKUs — some orders with the same SKU on two lines —
// over real processes and brokers: exactly the stock is sold, stock is never negative in any read, and
// every loser is told which item ran out.
import { expect, it } from "vitest";
import { buy, CARDS, describeSystem, pool, setStock, stockedVariants, tokenize, waitTerminal } from "../src";

describeSystem("no overselling under concurrency", { products: 60, carrierStepMs: 100 }, (platform) => {
  it("sells exactly the stock of 10 SKUs × 5 units to 200 concurrent buyers", async () => {
    const stack = platform();
    const skus = await stockedVariants(stack, 10);
    for (const s of skus) await setStock(stack, s.id, 5);
    // The catalog's stock hints are checked when items are added to a cart, so carts are filled first
    // (while stock shows), then everyone checks out at once.
    const tokens = await pool(200, 20, () => tokenize(stack.pspUrl, CARDS.approve));
    let negativeSeen = false;
    let stopWatching = false;
    const watching = (async () => {
      for (let i = 0; i < 400 && !stopWatching; i++) {
        const [row] = await stack.db.sql.query<{ min: number }>(
          "SELECT min(available) AS min FROM inventory.stock_levels",
        );
        if ((row?.min ?? 0) < 0) negativeSeen = true;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const results = await pool(200, 40, async (i) => {
      const a = skus[i % 10];
      const b = skus[(i + 1) % 10];
      // Every fourth buyer adds the same SKU twice (the cart merges it into one line of 2) and a second
      // SKU; two lines sharing a SKU inside one reservation are covered by the inventory's own suite.
      const lines =
        i % 4 === 0
          ? [
              { variantId: a?.id ?? "", quantity: 1 },
              { variantId: a?.id ?? "", quantity: 1 },
              { variantId: b?.id ?? "", quantity: 1 },
            ]
          : [{ variantId: a?.id ?? "", quantity: 1 }];
      const token = tokens[i];
      if (typeof token !== "string") throw token ?? new Error("no token");
      return { placed: await buy(stack, lines, token) };
    });
    const placed = results.filter((r): r is Exclude<typeof r, Error> => !(r instanceof Error));
    const refusedAtCart = results.filter((r): r is Error => r instanceof Error);
    for (const e of refusedAtCart) expect(e.message).toMatch(/sold out|only \d+ of .* left/);
    const counts = await waitTerminal(
      stack,
      placed.map((p) => p.placed.orderId),
    );
    stopWatching = true;
    await watching;

    const orders = await stack.db.prisma.order.findMany({
      where: { id: { in: placed.map((p) => p.placed.orderId) } },
      include: { lines: true },
    });
    const sold = orders
      .filter((o) => o.status === "DELIVERED")
      .flatMap((o) => o.lines)
      .reduce((n, l) => n + l.quantity, 0);
    const levels = await stack.db.prisma.stockLevel.findMany({
      where: { variantId: { in: skus.map((s) => s.id) } },
    });
    console.log(
      `oversell: ${placed.length} orders placed, ${refusedAtCart.length} refused at the cart, statuses ${JSON.stringify(counts)}, ${sold} units sold`,
      JSON.stringify(
        levels
          .filter((l) => l.available || l.reserved)
          .map((l) => [l.sku, l.available, l.reserved, l.onHand]),
      ),
    );
    expect(sold).toBe(50);
    for (const o of orders.filter((x) => x.status === "CANCELLED"))
      expect(o.cancelReason).toMatch(/Out of stock: .*(out of stock|left)/);
    expect(levels.reduce((n, l) => n + l.available, 0)).toBe(0);
    expect(levels.reduce((n, l) => n + l.reserved, 0)).toBe(0);
    expect(Math.min(...levels.map((l) => l.available))).toBe(0);
    expect(negativeSeen).toBe(false);
  });
});
