import { describe, expect, it } from "vitest";
import type { OrderStatusName } from "@emporium/contracts";
import { findReviewedProducts, type PurchaseSources } from "./reviewed-products";

interface FakeOrder {
  number: string;
  status: OrderStatusName;
  variants: string[];
}

/** A variant id "v-<product>-<n>" is of product "<product>", called "Product <product>" at /p/<product>. */
const productOf = (variant: string) => variant.split("-")[1] ?? "";

/** The shopper's orders, newest first, 10 a page, as the orders service and catalog would answer. */
function sources(orders: FakeOrder[], failOn: { ordersPage?: number } = {}) {
  const calls = { orderPages: [] as number[], orders: [] as string[], variants: [] as string[][] };
  const perPage = 10;
  const fake: PurchaseSources = {
    orders(page) {
      calls.orderPages.push(page);
      if (page === failOn.ordersPage) return Promise.reject(new Error("orders service down"));
      return Promise.resolve({
        items: orders.slice((page - 1) * perPage, page * perPage),
        pageCount: Math.max(1, Math.ceil(orders.length / perPage)),
      });
    },
    orderVariants(number) {
      calls.orders.push(number);
      return Promise.resolve(orders.find((o) => o.number === number)?.variants ?? []);
    },
    variants(ids) {
      calls.variants.push(ids);
      return Promise.resolve(
        ids
          .filter((id) => !id.endsWith("-gone"))
          .map((id) => ({
            id,
            productId: productOf(id),
            productSlug: productOf(id),
            productTitle: `Product ${productOf(id)}`,
          })),
      );
    },
  };
  return { fake, calls };
}

const order = (n: number, status: OrderStatusName, variants: string[]): FakeOrder => ({
  number: `EM-${n}`,
  status,
  variants,
});

describe("findReviewedProducts", () => {
  it("names each reviewed product from the delivered orders' variants", async () => {
    const { fake, calls } = sources([
      order(3, "DELIVERED", ["v-mug-1", "v-tea-1"]),
      order(2, "SHIPPED", ["v-kettle-1"]),
      order(1, "DELIVERED", ["v-mug-2", "v-scarf-1"]),
    ]);
    const found = await findReviewedProducts(fake, ["mug", "scarf"]);
    expect(Object.fromEntries(found)).toEqual({
      mug: { slug: "mug", title: "Product mug" },
      scarf: { slug: "scarf", title: "Product scarf" },
    });
    // Orders not delivered are not opened; each variant is asked of the catalog once.
    expect(calls.orders).toEqual(["EM-3", "EM-1"]);
    expect(calls.variants.flat().sort()).toEqual(["v-mug-1", "v-mug-2", "v-scarf-1", "v-tea-1"]);
  });

  it("stops reading orders once every product is named", async () => {
    const orders = Array.from({ length: 25 }, (_, i) => order(25 - i, "DELIVERED", [`v-p${25 - i}-1`]));
    const { fake, calls } = sources(orders);
    const found = await findReviewedProducts(fake, ["p25", "p17"]);
    expect([...found.keys()].sort()).toEqual(["p17", "p25"]);
    expect(calls.orderPages).toEqual([1]);
  });

  it("reads no more than the bounded number of order pages", async () => {
    const orders = Array.from({ length: 45 }, (_, i) => order(45 - i, "DELIVERED", [`v-p${45 - i}-1`]));
    const { fake, calls } = sources(orders);
    const found = await findReviewedProducts(fake, ["p45", "p1"], 3);
    expect([...found.keys()]).toEqual(["p45"]);
    expect(calls.orderPages).toEqual([1, 2, 3]);
  });

  it("leaves out a product the catalog no longer sells", async () => {
    const { fake } = sources([order(1, "DELIVERED", ["v-mug-gone", "v-tea-1"])]);
    const found = await findReviewedProducts(fake, ["mug", "tea"]);
    expect([...found.keys()]).toEqual(["tea"]);
  });

  it("answers what it found before a service failed, instead of failing", async () => {
    const orders = Array.from({ length: 15 }, (_, i) => order(15 - i, "DELIVERED", [`v-p${15 - i}-1`]));
    const { fake } = sources(orders, { ordersPage: 2 });
    const found = await findReviewedProducts(fake, ["p15", "p1"]);
    expect([...found.keys()]).toEqual(["p15"]);
  });

  it("asks nothing when there is nothing to name", async () => {
    const { fake, calls } = sources([order(1, "DELIVERED", ["v-mug-1"])]);
    expect((await findReviewedProducts(fake, [])).size).toBe(0);
    expect(calls.orderPages).toEqual([]);
  });
});
