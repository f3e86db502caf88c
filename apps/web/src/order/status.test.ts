import { describe, expect, it } from "vitest";
import { addressOf, cancelHeadline, readOrderView, stageIndex, statusLabel, type OrderView } from "./status";

const ORDER: OrderView = {
  id: "3f593305-116e-4573-8a0a-0ee5d9517605",
  number: "EM-M24M-VWV3",
  email: "ada@example.com",
  status: "PENDING",
  cancelReason: null,
  awaitingPayment: null,
  currency: "USD",
  subtotal: 23699,
  shippingTotal: 0,
  taxTotal: 0,
  total: 23699,
  shippingMethod: "standard",
  shippingAddress: {
    name: "Ada",
    line1: "1 Main St",
    city: "Springfield",
    postalCode: "12345",
    country: "US",
  },
  lines: [
    {
      variantId: "c3566786-e153-59c7-bc60-b99f58420bcf",
      sku: "HA-00127-SAG-XS",
      title: "Chore Jacket — Sage / XS",
      quantity: 1,
      unitPrice: 23699,
      lineTotal: 23699,
    },
  ],
  carrier: null,
  trackingNumber: null,
  createdAt: "2026-11-25T08:26:57.862Z",
  updatedAt: "2026-11-25T08:26:58.140Z",
  timeline: [
    { status: "PENDING", code: "order.placed", message: "Order placed", at: "2026-11-25T08:26:57.862Z" },
  ],
};

describe("readOrderView", () => {
  it("accepts an order from the stream", () => {
    expect(readOrderView(JSON.stringify(ORDER))).toEqual(ORDER);
  });

  it("rejects anything that is not an order", () => {
    expect(readOrderView("not json")).toBeNull();
    expect(readOrderView(JSON.stringify({ ...ORDER, status: "LOST" }))).toBeNull();
    expect(readOrderView(JSON.stringify({ ...ORDER, lines: [{ title: "x" }] }))).toBeNull();
    expect(readOrderView(JSON.stringify({ message: "No such order" }))).toBeNull();
  });
});

describe("order status", () => {
  it("places each status along the way", () => {
    expect(stageIndex("PENDING")).toBe(0);
    expect(stageIndex("SHIPPED")).toBe(2);
    expect(stageIndex("CANCELLED")).toBe(-1);
    expect(statusLabel("SHIPPED")).toBe("Shipped — on its way to you");
  });

  it("turns the cancel reason into a headline", () => {
    expect(cancelHeadline("Payment declined: The card was declined.")).toBe(
      "Payment declined — the card was declined",
    );
    expect(cancelHeadline("Out of stock: Field Jacket (Navy / S)")).toBe(
      "Out of stock — Field Jacket (Navy / S)",
    );
    expect(cancelHeadline(null)).toBe("This order was cancelled");
  });
});

describe("addressOf", () => {
  it("reads the stored address and refuses incomplete ones", () => {
    expect(addressOf(ORDER.shippingAddress)).toEqual(ORDER.shippingAddress);
    expect(addressOf({ name: "Ada" })).toBeNull();
    expect(addressOf("1 Main St")).toBeNull();
  });
});
