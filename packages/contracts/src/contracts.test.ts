import { describe, expect, it } from "vitest";
import {
  createEnvelope,
  defineMessage,
  MalformedMessageError,
  orderPlacedV1,
  parseEnvelope,
  productRatingChangedV1,
  readMessage,
  reserveStockV1,
} from "./index";

const orderId = "3b241101-e2bb-4255-8caf-4136c566a962";
const variantId = "6ec0bd7f-11c0-43da-975e-2a8ad9ebae0b";

describe("message contracts", () => {
  it("round-trips an envelope through bytes with its data checked", () => {
    const envelope = createEnvelope(reserveStockV1, orderId, {
      orderId,
      lines: [{ variantId, sku: "NW-1-NAV-M", quantity: 2 }],
      expiresAt: new Date(0).toISOString(),
    });
    const read = readMessage(parseEnvelope(JSON.stringify(envelope)), reserveStockV1);
    expect(read.data.lines[0]?.quantity).toBe(2);
    expect(read.aggregateId).toBe(orderId);
  });

  it("refuses to create a message whose data breaks its schema", () => {
    expect(() =>
      createEnvelope(reserveStockV1, orderId, { orderId, lines: [], expiresAt: new Date(0).toISOString() }),
    ).toThrow();
  });

  it("reports malformed bytes, envelopes and data as MalformedMessageError", () => {
    expect(() => parseEnvelope("{nope")).toThrow(MalformedMessageError);
    expect(() => parseEnvelope(JSON.stringify({ id: "x", type: "Order" }))).toThrow(/not an envelope/);
    const wrongData = {
      id: orderId,
      type: "order.placed.v1",
      occurredAt: new Date().toISOString(),
      aggregateId: orderId,
      data: { orderId: 5 },
    };
    expect(() => readMessage(parseEnvelope(JSON.stringify(wrongData)), orderPlacedV1)).toThrow(
      MalformedMessageError,
    );
    const otherType = { ...wrongData, type: "order.cancelled.v1" };
    expect(() => readMessage(parseEnvelope(JSON.stringify(otherType)), orderPlacedV1)).toThrow(
      /expected order.placed.v1/,
    );
  });

  it("names message types with a version, never after a class", () => {
    expect(() => defineMessage("OrderPlaced", orderPlacedV1.schema)).toThrow();
    expect(() => defineMessage("order.placed", orderPlacedV1.schema)).toThrow();
  });

  it("carries a product's rating summary, its average null exactly while nothing is approved", () => {
    const productId = variantId;
    const summary = createEnvelope(productRatingChangedV1, productId, { productId, average: 4.33, count: 3 });
    expect(readMessage(parseEnvelope(JSON.stringify(summary)), productRatingChangedV1).data).toEqual({
      productId,
      average: 4.33,
      count: 3,
    });
    expect(() =>
      createEnvelope(productRatingChangedV1, productId, { productId, average: null, count: 0 }),
    ).not.toThrow();
    expect(() =>
      createEnvelope(productRatingChangedV1, productId, { productId, average: 0, count: 0 }),
    ).toThrow();
    expect(() =>
      createEnvelope(productRatingChangedV1, productId, { productId, average: null, count: 2 }),
    ).toThrow();
    expect(() =>
      createEnvelope(productRatingChangedV1, productId, { productId, average: 6, count: 2 }),
    ).toThrow();
  });
});
