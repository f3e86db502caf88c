import { describe, expect, it } from "vitest";
import { isLow, planAdjustment } from "./adjustment";

const level = { onHand: 10, reserved: 4, available: 6 };

describe("planAdjustment", () => {
  it("adds received units and removes damaged ones", () => {
    expect(planAdjustment(level, { delta: 5 }, "received")).toEqual({ ok: true, delta: 5, onHandAfter: 15 });
    expect(planAdjustment(level, { delta: -6 }, "damaged")).toEqual({ ok: true, delta: -6, onHandAfter: 4 });
  });

  it("turns a counted figure into the delta, and records a count that confirms the figure", () => {
    expect(planAdjustment(level, { onHand: 7 }, "recount")).toEqual({ ok: true, delta: -3, onHandAfter: 7 });
    expect(planAdjustment(level, { onHand: 10 }, "recount")).toEqual({ ok: true, delta: 0, onHandAfter: 10 });
  });

  it("never leaves on hand below what orders have reserved", () => {
    const plan = planAdjustment(level, { delta: -7 }, "lost");
    expect(plan).toMatchObject({ ok: false, field: "delta" });
    expect(plan.ok || plan.detail).toBe(
      "cannot remove 7; at most 6 can be removed here (10 on hand, 4 reserved for orders)",
    );
    expect(planAdjustment(level, { onHand: 3 }, "recount")).toMatchObject({ ok: false, field: "onHand" });
  });

  it("refuses a zero delta and a change against its reason's direction", () => {
    expect(planAdjustment(level, { delta: 0 }, "correction")).toMatchObject({ ok: false, field: "delta" });
    expect(planAdjustment(level, { delta: -1 }, "received")).toMatchObject({ ok: false, field: "delta" });
    expect(planAdjustment(level, { delta: 1 }, "lost")).toMatchObject({ ok: false, field: "delta" });
    expect(planAdjustment(level, { delta: 2 }, "correction")).toMatchObject({ ok: true });
  });

  it("refuses an absurd on-hand figure", () => {
    expect(planAdjustment(level, { delta: 2_000_000 }, "received")).toMatchObject({ ok: false });
  });
});

describe("isLow", () => {
  it("is at or under the threshold", () => {
    expect(isLow(5, 5)).toBe(true);
    expect(isLow(6, 5)).toBe(false);
    expect(isLow(0, 0)).toBe(true);
  });
});
