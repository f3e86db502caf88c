import { describe, expect, it } from "vitest";
import { auditChanges, AUDIT_VALUE_MAX_CHARS, staffActionEnvelope, staffActionV1, traceIdOf } from "./audit";

const scope = {
  service: "catalog",
  actor: { userId: "0b9a4c1e-7d0f-4a53-9a35-2f5f3c3c7e11", email: "m@shop.test", role: "manager" },
  requestId: "req-1",
  traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
};

describe("auditChanges", () => {
  it("keeps only the fields that changed, a missing side counting as null", () => {
    expect(
      auditChanges(
        { title: "Mug", priceCents: 1200, tags: ["a", "b"], status: "DRAFT" },
        { title: "Mug", priceCents: 1500, tags: ["a", "b"], status: "PUBLISHED", brand: "Acme" },
      ),
    ).toEqual([
      { field: "priceCents", before: 1200, after: 1500 },
      { field: "status", before: "DRAFT", after: "PUBLISHED" },
      { field: "brand", before: null, after: "Acme" },
    ]);
  });

  it("lists every field of a created or removed thing against null", () => {
    expect(auditChanges(null, { title: "Mug" })).toEqual([{ field: "title", before: null, after: "Mug" }]);
    expect(auditChanges({ title: "Mug" }, null)).toEqual([{ field: "title", before: "Mug", after: null }]);
  });

  it("tells list changes apart by order and length", () => {
    expect(auditChanges({ tags: ["a", "b"] }, { tags: ["b", "a"] })).toHaveLength(1);
    expect(auditChanges({ tags: ["a"] }, { tags: ["a", "b"] })).toHaveLength(1);
  });

  it("clips a long text and says how long it was", () => {
    const [change] = auditChanges({ body: "" }, { body: "x".repeat(10_000) });
    expect(change?.after).toMatch(/… \(10000 characters in all\)$/);
    expect(String(change?.after).length).toBeLessThan(AUDIT_VALUE_MAX_CHARS + 40);
  });
});

describe("staffActionEnvelope", () => {
  it("builds a valid event keyed by its target, with the request's trace id", () => {
    const envelope = staffActionEnvelope(scope, {
      action: "product.price-changed",
      target: { type: "variant", id: "v1", label: "Mug / Blue" },
      before: { priceCents: 1200 },
      after: { priceCents: 1500 },
    });
    expect(envelope.type).toBe("audit.staff-action.v1");
    expect(envelope.aggregateId).toBe("variant:v1");
    expect(envelope.data.traceId).toBe("4bf92f3577b34da6a3ce929d0e0e4736");
    expect(staffActionV1.schema.parse(envelope.data).changes).toEqual([
      { field: "priceCents", before: 1200, after: 1500 },
    ]);
  });

  it("refuses an action that does not name a target and a verb", () => {
    expect(() =>
      staffActionEnvelope(scope, {
        action: "Changed!",
        target: { type: "x", id: "1" },
        before: null,
        after: null,
      }),
    ).toThrow(/product.price-changed/);
  });

  it("reads no trace id from a missing or all-zero traceparent", () => {
    expect(traceIdOf(undefined)).toBeUndefined();
    expect(traceIdOf("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).toBeUndefined();
  });
});
