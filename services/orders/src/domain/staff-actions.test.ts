import { describe, expect, it } from "vitest";
import { react, type SagaEvent, type SagaState } from "./saga";
import { auditChanges } from "@emporium/contracts";
import {
  cancelAuditRecord,
  cancelRefusal,
  paymentSummary,
  planLineRefund,
  refundAuditRecord,
  refundRefusal,
} from "./staff-actions";

const now = new Date("2026-11-25T10:00:00Z");
const start: SagaState = { facts: {}, cancelReason: null, total: 4000 };

function run(events: SagaEvent[], state: SagaState = start) {
  let s = state;
  const decisions = events.map((e) => {
    const d = react(s, e, now);
    s = { ...s, facts: d.facts, cancelReason: d.cancelReason };
    return d;
  });
  return { state: s, decisions, last: decisions[decisions.length - 1] };
}

const delivered: SagaEvent[] = [
  { type: "inventory.reserved.v1" },
  { type: "payment.authorized.v1" },
  { type: "fulfillment.shipped.v1", carrier: "DHL", trackingNumber: "T1" },
  { type: "payment.captured.v1", amount: 4000 },
  { type: "fulfillment.delivered.v1" },
];

describe("staff cancellation", () => {
  it("releases held stock of an order awaiting payment and voids the authorization when it arrives", () => {
    const { state, last } = run([
      { type: "inventory.reserved.v1" },
      { type: "staff.cancel", reason: "customer asked" },
    ]);
    expect(last?.status).toBe("CANCELLED");
    expect(last?.cancelReason).toBe("customer asked");
    expect(last?.commands).toEqual([{ type: "inventory.release", reason: "customer asked" }]);
    const late = react(state, { type: "payment.authorized.v1" }, now);
    expect(late.commands.map((c) => c.type)).toEqual(["payment.refund"]);
  });

  it("voids the authorization of a confirmed order and gives back its stock", () => {
    const { last } = run([
      { type: "inventory.reserved.v1" },
      { type: "payment.authorized.v1" },
      { type: "staff.cancel", reason: "fraud suspected" },
    ]);
    expect(last?.status).toBe("CANCELLED");
    expect(last?.commands).toEqual([
      { type: "inventory.release", reason: "fraud suspected" },
      { type: "payment.refund", amount: 4000, reason: "order cancelled by the shop: fraud suspected" },
    ]);
  });

  it("releases a reservation that arrives after the cancellation, not before it exists", () => {
    const { state, last } = run([{ type: "staff.cancel", reason: "duplicate order" }]);
    expect(last?.commands).toEqual([]);
    expect(react(state, { type: "inventory.reserved.v1" }, now).commands).toEqual([
      { type: "inventory.release", reason: "duplicate order" },
    ]);
  });

  it("refuses once the parcel is with the carrier, and a second time", () => {
    expect(cancelRefusal(run(delivered).state.facts)).toMatch(/handed to the carrier/);
    const cancelled = run([{ type: "staff.cancel", reason: "x" }]).state.facts;
    expect(cancelRefusal(cancelled)).toMatch(/already cancelled/);
    expect(cancelRefusal({})).toBeNull();
  });
});

describe("staff refunds", () => {
  it("refunds in parts, one at a time, never beyond what was captured", () => {
    const paid = run(delivered).state;
    expect(paymentSummary(paid.facts, 4000)).toMatchObject({ state: "captured", refundable: 4000 });
    expect(refundRefusal(paid.facts, 4000, 4001)).toMatchObject({ kind: "amount" });
    expect(refundRefusal(paid.facts, 4000, 1500)).toBeNull();

    const asked = run([{ type: "staff.refund", amount: 1500, reason: "damaged" }], paid);
    expect(asked.last?.commands).toEqual([{ type: "payment.refund", amount: 1500, reason: "damaged" }]);
    expect(asked.last?.status).toBe("DELIVERED");
    expect(refundRefusal(asked.state.facts, 4000, 100)).toMatchObject({ kind: "conflict" });
    expect(paymentSummary(asked.state.facts, 4000)).toMatchObject({ refundPending: 1500, refundable: 2500 });

    const done = run([{ type: "payment.refunded.v1", amount: 1500, total: 1500 }], asked.state);
    expect(paymentSummary(done.state.facts, 4000)).toMatchObject({
      state: "partially_refunded",
      refunded: 1500,
      refundPending: 0,
      refundable: 2500,
    });
    expect(refundRefusal(done.state.facts, 4000, 2501)?.message).toMatch(/at most \$25\.00/);

    const rest = run(
      [
        { type: "staff.refund", amount: 2500, reason: "returned" },
        { type: "payment.refunded.v1", amount: 2500, total: 4000 },
      ],
      done.state,
    );
    expect(paymentSummary(rest.state.facts, 4000)).toMatchObject({ state: "refunded", refundable: 0 });
    expect(refundRefusal(rest.state.facts, 4000, 1)).toMatchObject({ kind: "conflict" });
  });

  it("lets staff try again after the provider refused a refund", () => {
    const paid = run([...delivered, { type: "staff.refund", amount: 1000, reason: "x" }]).state;
    const failed = run(
      [{ type: "payment.failed.v1", operation: "refund", reason: "provider said no" }],
      paid,
    );
    expect(refundRefusal(failed.state.facts, 4000, 1000)).toBeNull();
  });

  it("refuses to refund an order that was never charged", () => {
    expect(refundRefusal({}, 4000, 100)).toMatchObject({ kind: "conflict" });
    const authorized = run([{ type: "inventory.reserved.v1" }, { type: "payment.authorized.v1" }]).state;
    expect(refundRefusal(authorized.facts, 4000, 100)?.message).toMatch(/cancel it instead/);
  });
});

describe("staff refunds by line", () => {
  // 2 × $15.00 + 1 × $10.00 = $40.00, the order's total.
  const lines = [
    { variantId: "tee", sku: "TEE-M", quantity: 2, unitPrice: 1500 },
    { variantId: "mug", sku: "MUG", quantity: 1, unitPrice: 1000 },
  ];
  const actor = { userId: "u1", email: "m@example.com", role: "manager" };
  const paid = run(delivered).state;

  it("prices units as sold, and counts and restocks them once the payment worker confirms", () => {
    const plan = planLineRefund(lines, paid.facts, 4000, [{ variantId: "tee", quantity: 1 }]);
    expect(plan).toEqual({ ok: true, amount: 1500, lines: [{ variantId: "tee", quantity: 1 }] });
    const asked = run(
      [
        {
          type: "staff.refund",
          amount: 1500,
          reason: "returned",
          lines: [{ variantId: "tee", quantity: 1 }],
          restock: { locationId: "berlin", actor },
        },
      ],
      paid,
    );
    expect(asked.last?.commands).toEqual([{ type: "payment.refund", amount: 1500, reason: "returned" }]);
    expect(asked.state.facts.refundedLines).toBeUndefined();

    const done = run([{ type: "payment.refunded.v1", amount: 1500, total: 1500 }], asked.state);
    expect(done.state.facts.refundedLines).toEqual({ tee: 1 });
    expect(done.last?.commands).toEqual([
      { type: "inventory.restock", locationId: "berlin", actor, lines: [{ variantId: "tee", quantity: 1 }] },
    ]);
    expect(done.last?.notes.map((n) => n.message)).toContain("1 refunded item going back in stock");

    // The rest of the line, then no more of it.
    expect(planLineRefund(lines, done.state.facts, 4000, [{ variantId: "tee", quantity: 2 }])).toMatchObject({
      ok: false,
      field: "lines.0.quantity",
      message: "at most 1 of TEE-M can be refunded (2 ordered, 1 refunded)",
    });
    const rest = run(
      [
        {
          type: "staff.refund",
          amount: 1500,
          reason: "returned",
          lines: [{ variantId: "tee", quantity: 1 }],
        },
        { type: "payment.refunded.v1", amount: 1500, total: 3000 },
      ],
      done.state,
    );
    expect(rest.state.facts.refundedLines).toEqual({ tee: 2 });
    expect(rest.last?.commands).toEqual([]);
    expect(planLineRefund(lines, rest.state.facts, 4000, [{ variantId: "tee", quantity: 1 }])).toMatchObject({
      ok: false,
      message: "every unit of TEE-M has been refunded already",
    });
  });

  it("neither counts nor restocks the units of a refund the provider refused", () => {
    const asked = run([
      ...delivered,
      {
        type: "staff.refund",
        amount: 1000,
        reason: "x",
        lines: [{ variantId: "mug", quantity: 1 }],
        restock: { locationId: "berlin", actor },
      },
      { type: "payment.failed.v1", operation: "refund", reason: "provider said no" },
    ]);
    expect(asked.state.facts.refundedLines).toBeUndefined();
    expect(asked.decisions.flatMap((d) => d.commands.map((c) => c.type))).not.toContain("inventory.restock");
    expect(planLineRefund(lines, asked.state.facts, 4000, [{ variantId: "mug", quantity: 1 }])).toMatchObject(
      {
        ok: true,
        amount: 1000,
      },
    );
  });

  it("names the field of a line it cannot refund, and caps the amount at what the payment still holds", () => {
    expect(planLineRefund(lines, paid.facts, 4000, [{ variantId: "nope", quantity: 1 }])).toMatchObject({
      ok: false,
      field: "lines.0.variantId",
    });
    expect(
      planLineRefund(lines, paid.facts, 4000, [
        { variantId: "mug", quantity: 1 },
        { variantId: "mug", quantity: 1 },
      ]),
    ).toMatchObject({ ok: false, field: "lines.1.variantId" });
    // $35.00 was refunded by amount: two shirts ($30.00) pay back only the $5.00 left.
    const mostly = run(
      [
        { type: "staff.refund", amount: 3500, reason: "x" },
        { type: "payment.refunded.v1", amount: 3500, total: 3500 },
      ],
      paid,
    ).state;
    expect(planLineRefund(lines, mostly.facts, 4000, [{ variantId: "tee", quantity: 2 }])).toMatchObject({
      ok: true,
      amount: 500,
    });
  });
});

describe("staff actions as the audit log records them", () => {
  const order = {
    id: "0b6c1f52-3f5e-4a8e-9d7e-2f1c7a9b0c11",
    number: "EMP-2026-000123",
    status: "CONFIRMED" as const,
    cancelReason: null,
    total: 4000,
  };

  it("records a cancellation as the status and reason it changed, on the order by its number", () => {
    const record = cancelAuditRecord(order, { status: "CANCELLED", cancelReason: "fraud" }, "fraud");
    expect(record).toMatchObject({
      action: "order.cancelled",
      target: { type: "order", id: order.id, label: "EMP-2026-000123" },
      reason: "fraud",
    });
    expect(auditChanges(record.before, record.after)).toEqual([
      { field: "status", before: "CONFIRMED", after: "CANCELLED" },
      { field: "cancelReason", before: null, after: "fraud" },
    ]);
  });

  it("records a refund as its amount and the refunded total before and with it, in cents", () => {
    const first = run([...delivered]).state.facts;
    const one = refundAuditRecord({ ...order, status: "DELIVERED" }, first, 1500, "damaged");
    expect(one).toMatchObject({ action: "order.refunded", reason: "damaged" });
    expect(auditChanges(one.before, one.after)).toEqual([
      { field: "refundAmount", before: null, after: 1500 },
      { field: "refundedTotal", before: 0, after: 1500 },
    ]);
    const second = run(
      [
        { type: "staff.refund", amount: 1500, reason: "damaged" },
        { type: "payment.refunded.v1", amount: 1500, total: 1500 },
      ],
      { ...start, facts: first },
    ).state.facts;
    const two = refundAuditRecord({ ...order, status: "DELIVERED" }, second, 2500, "returned");
    expect(auditChanges(two.before, two.after)).toEqual([
      { field: "refundAmount", before: null, after: 2500 },
      { field: "refundedTotal", before: 1500, after: 4000 },
    ]);
  });
});
