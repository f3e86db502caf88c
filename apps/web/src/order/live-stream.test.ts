import { describe, expect, it } from "vitest";
import { translate } from "./live-stream";
import { backoffMs } from "./use-live-order";

const order = {
  id: "o1",
  number: "EM-M24M-VWV3",
  email: "ada@example.com",
  status: "SHIPPED",
  cancelReason: null,
  currency: "USD",
  subtotal: 100,
  shippingTotal: 0,
  taxTotal: 0,
  total: 100,
  shippingMethod: "standard",
  shippingAddress: {},
  lines: [],
  carrier: "DHL Express",
  trackingNumber: "DX1",
  createdAt: "2026-11-25T08:26:57.862Z",
  updatedAt: "2026-11-25T08:26:58.140Z",
  timeline: [],
};

describe("translate", () => {
  it("passes orders and keep-alives on as our own events", () => {
    const data = JSON.stringify(order);
    expect(translate({ event: "message", data })).toBe(`event: order\ndata: ${data}\n\n`);
    expect(translate({ event: "ping", data: "" })).toBe("event: ping\ndata: \n\n");
    expect(translate({ event: "connected", data: "{}" })).toBeUndefined();
  });

  it("ends the stream on errors and on anything that is not an order", () => {
    expect(translate({ event: "serialized-error", data: '{"message":"No such order"}' })).toBeNull();
    expect(translate({ event: "return", data: "" })).toBeNull();
    expect(translate({ event: "message", data: '{"message":"boom"}' })).toBeNull();
  });
});

describe("backoffMs", () => {
  it("doubles from a second up to half a minute", () => {
    expect([1, 2, 3, 4, 6, 10].map(backoffMs)).toEqual([1_000, 2_000, 4_000, 8_000, 30_000, 30_000]);
  });
});
