import { describe, expect, it } from "vitest";
import { cancelReasonOf, stepLatency } from "./saga-measures";

const placedAt = new Date("2025-01-01T10:00:00.000Z");
const at = (seconds: number) => new Date(placedAt.getTime() + seconds * 1000);
const iso = (seconds: number) => at(seconds).toISOString();

describe("stepLatency", () => {
  it("measures each reply from its command's stored send time", () => {
    expect(stepLatency({ type: "inventory.reserved.v1" }, {}, placedAt, at(2))).toEqual({
      step: "reserve",
      seconds: 2,
    });
    const reserved = { reservedAt: iso(2), authorizeRequestedAt: iso(2) };
    expect(stepLatency({ type: "payment.authorized.v1" }, reserved, placedAt, at(5))).toEqual({
      step: "authorize",
      seconds: 3,
    });
    expect(
      stepLatency({ type: "payment.declined.v1", code: "x", reason: "no" }, reserved, placedAt, at(4)),
    ).toEqual({ step: "authorize", seconds: 2 });
    const confirmed = { ...reserved, authorizedAt: iso(5), shipRequestedAt: iso(5) };
    expect(stepLatency({ type: "inventory.committed.v1" }, confirmed, placedAt, at(6))?.step).toBe("commit");
    expect(
      stepLatency(
        { type: "fulfillment.shipped.v1", carrier: "DHL", trackingNumber: "1" },
        confirmed,
        placedAt,
        at(65),
      ),
    ).toEqual({ step: "ship", seconds: 60 });
    const shipped = { ...confirmed, shippedAt: iso(65), captureRequestedAt: iso(65) };
    expect(stepLatency({ type: "payment.captured.v1", amount: 1 }, shipped, placedAt, at(66))).toEqual({
      step: "capture",
      seconds: 1,
    });
  });

  it("tells a rejection after payment (the commit's answer) from one before (the reservation's)", () => {
    expect(stepLatency({ type: "inventory.rejected.v1", reason: "gone" }, {}, placedAt, at(1))?.step).toBe(
      "reserve",
    );
    const paid = { reservedAt: iso(1), authorizedAt: iso(3), shipRequestedAt: iso(3) };
    expect(stepLatency({ type: "inventory.rejected.v1", reason: "gone" }, paid, placedAt, at(4))).toEqual({
      step: "commit",
      seconds: 1,
    });
  });

  it("measures a step once, and nothing for events that answer no command", () => {
    expect(
      stepLatency({ type: "inventory.reserved.v1" }, { reservedAt: iso(1) }, placedAt, at(9)),
    ).toBeNull();
    expect(
      stepLatency({ type: "payment.captured.v1", amount: 1 }, { capturedAt: iso(1) }, placedAt, at(9)),
    ).toBeNull();
    expect(stepLatency({ type: "fulfillment.delivered.v1" }, {}, placedAt, at(9))).toBeNull();
    expect(stepLatency({ type: "staff.cancel", reason: "x" }, {}, placedAt, at(9))).toBeNull();
  });
});

describe("cancelReasonOf", () => {
  it("maps the cancelling event to a fixed reason, staff's own words included", () => {
    expect(cancelReasonOf({ type: "inventory.rejected.v1", reason: "SKU-1 is out of stock" })).toBe(
      "out_of_stock",
    );
    expect(cancelReasonOf({ type: "inventory.released.v1", reason: "expired" })).toBe("expired");
    expect(cancelReasonOf({ type: "payment.declined.v1", code: "c", reason: "r" })).toBe("payment_declined");
    expect(cancelReasonOf({ type: "payment.failed.v1", operation: "authorize", reason: "r" })).toBe(
      "payment_failed",
    );
    expect(cancelReasonOf({ type: "staff.cancel", reason: "Customer 12345 asked" })).toBe("staff");
    expect(cancelReasonOf({ type: "fulfillment.delivered.v1" })).toBe("other");
  });
});
