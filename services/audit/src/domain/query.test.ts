import { describe, expect, it } from "vitest";
import type { AuditEntry } from "./entry";
import { comesAfter, cursorOf, matches, newestFirst, pageOf } from "./query";

const entry = (id: string, at: string, email = "a@shop.test"): AuditEntry => ({
  id,
  at,
  service: "catalog",
  actor: { userId: "u", email, role: "manager" },
  action: "product.price-changed",
  target: { type: "product", id: "p1" },
  changes: [],
  requestId: "r",
});

describe("the activity listing's rules", () => {
  const a = entry("a", "2026-03-01T09:00:00.000Z");
  const b = entry("b", "2026-03-01T09:00:00.000Z");
  const c = entry("c", "2026-03-01T08:00:00.000Z");

  it("lists newest first, the greater id first among equal times, and pages strictly after a cursor", () => {
    const ordered = [c, a, b].sort(newestFirst);
    expect(ordered.map((e) => e.id)).toEqual(["b", "a", "c"]);
    expect([a, b, c].filter((e) => comesAfter(e, cursorOf(b))).map((e) => e.id)).toEqual(["a", "c"]);
    expect(pageOf(ordered, 2)).toEqual({ items: [b, a], next: cursorOf(a) });
    expect(pageOf(ordered, 3).next).toBeNull();
  });

  it("matches an actor by the beginning of the email in any case, and time bounds inclusively", () => {
    const e = entry("x", "2026-03-01T09:00:00.000Z", "Dana@Shop.test");
    expect(matches(e, { actor: "dana@" })).toBe(true);
    expect(matches(e, { actor: "DANA@SHOP.TEST" })).toBe(true);
    expect(matches(e, { actor: "ana" })).toBe(false);
    expect(matches(e, { from: e.at, to: e.at })).toBe(true);
    expect(matches(e, { from: "2026-03-01T10:00:00+01:00" })).toBe(true);
    expect(matches(e, { from: "2026-03-01T09:00:00.001Z" })).toBe(false);
  });
});
