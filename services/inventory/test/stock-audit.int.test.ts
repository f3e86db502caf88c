// The staff audit log's inventory half, on PGlite and PostgreSQL: every stock adjustment and threshold
// change writes exactly one audit.staff-action.v1 event into the inventory's outbox in its own
// transaction — the staff member, the stock of one variant at one location as target, its figures before
// and after, the reason given and the request — a refused change writes none, and the relay publishes
// the events on the audit topic beside the stock events.
//
// A count that finds the figure already recorded (a recount to the same number) is still an adjustment:
// it writes its event, with no changes, as it writes its history row.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@emporium/auth";
import { TEST_PRINCIPALS } from "@emporium/auth/testing";
import {
  readMessage,
  staffActionV1,
  stockChangedV1,
  TOPICS,
  type Envelope,
  type StaffAction,
} from "@emporium/contracts";
import { testDatabaseTargets } from "@emporium/db/testing";
import { InProcessEventBus, OutboxRelay } from "@emporium/messaging";
import { waitFor } from "@emporium/testkit";
import { ZodError } from "zod";
import { appRouter } from "../src/api/router/_app";
import { STOCK_AUDIT_ACTIONS } from "../src/domain/audit-records";
import { mutationPaths, soleStaffAction, unwritableAuditScope } from "@emporium/service-kit/testing";
import { createInventoryApiFixture, log, refusal, type InventoryApiFixture } from "./api-fixture";

type Staff = Extract<Principal, { kind: "staff" }>;
const manager = TEST_PRINCIPALS.manager as Staff;
const owner = TEST_PRINCIPALS.owner as Staff;
const support = TEST_PRINCIPALS.support as Principal;

describe.each(testDatabaseTargets("inventory audit events"))("inventory audit events on $name", (target) => {
  let f: InventoryApiFixture;
  let requests = 0;
  const locations = [randomUUID(), randomUUID()] as const;
  /** A caller in a request of its own, whose id the audit event must carry. */
  const as = (principal: Principal = manager) => {
    const requestId = `audit-${++requests}`;
    return { requestId, caller: f.as(principal, requestId) };
  };

  beforeAll(async () => {
    f = await createInventoryApiFixture(target);
    await f.db.prisma.location.createMany({
      data: locations.map((id, i) => ({ id, code: `A${i}`, name: `Audit location ${i}`, country: "DE" })),
    });
  });
  afterAll(() => f?.dispose());

  /** A variant stocked at the first audit location only. */
  async function newVariant(onHand: number, reserved = 0): Promise<{ variantId: string; sku: string }> {
    const variantId = randomUUID();
    const sku = `A-${variantId.slice(0, 8)}`;
    await f.db.prisma.stockLevel.create({
      data: { locationId: locations[0], variantId, sku, onHand, reserved, available: onHand - reserved },
    });
    return { variantId, sku };
  }

  async function lastSeq(): Promise<bigint> {
    return (await f.db.prisma.inventoryOutbox.aggregate({ _max: { seq: true } }))._max.seq ?? 0n;
  }

  /** Runs `call`; returns the audit events it wrote (checked against the contract) and all its outbox types. */
  async function audited(call: () => Promise<unknown>) {
    const from = await lastSeq();
    await call();
    const rows = await f.db.prisma.inventoryOutbox.findMany({
      where: { seq: { gt: from } },
      orderBy: { seq: "asc" },
    });
    const events = rows
      .filter((r) => r.topic === TOPICS.audit)
      .map((r) => {
        const envelope = readMessage(r.payload as unknown as Envelope, staffActionV1);
        expect(r).toMatchObject({ kind: "event", type: staffActionV1.type, id: envelope.id });
        expect(r.aggregateId).toBe(`stock:${envelope.data.target.id}`);
        return envelope.data;
      });
    return { events, types: rows.map((r) => r.type) };
  }

  const only = (events: StaffAction[], requestId: string, staff: Staff = manager) =>
    soleStaffAction(events, { service: "inventory", staff, requestId });

  it("covers every staff mutation the router has", () => {
    const mutations = mutationPaths(appRouter, "admin.");
    expect(mutations).toEqual(["admin.stock.adjust", "admin.stock.setLevels", "admin.stock.setThreshold"]);
    // admin.stock.setLevels writes stock.adjusted per changed level: test/stock-levels.int.test.ts.
    expect(Object.values(STOCK_AUDIT_ACTIONS).sort()).toEqual(["stock.adjusted", "stock.threshold-changed"]);
  });

  it("records an adjustment's figures before and after, the reason given, and who made it", async () => {
    const { variantId, sku } = await newVariant(10, 3);
    const receive = as();
    const received = await audited(() =>
      receive.caller.admin.stock.adjust({
        variantId,
        locationId: locations[0],
        delta: 5,
        reason: "received",
        note: " PO 1234 ",
      }),
    );
    // Written beside the stock-changed event, in the same transaction.
    expect(received.types).toEqual([stockChangedV1.type, staffActionV1.type]);
    expect(only(received.events, receive.requestId)).toMatchObject({
      action: "stock.adjusted",
      target: { type: "stock", id: `${variantId}@${locations[0]}`, label: `${sku} at Audit location 0` },
      changes: [
        { field: "onHand", before: 10, after: 15 },
        { field: "available", before: 7, after: 12 },
      ],
      reason: "received: PO 1234",
    });

    const count = as(owner);
    const counted = await audited(() =>
      count.caller.admin.stock.adjust({ variantId, locationId: locations[0], onHand: 9, reason: "recount" }),
    );
    expect(only(counted.events, count.requestId, owner)).toMatchObject({
      changes: [
        { field: "onHand", before: 15, after: 9 },
        { field: "available", before: 12, after: 6 },
      ],
      reason: "recount",
    });

    // The same count again: an adjustment row and an event with no changes, but no stock event.
    const recount = as();
    const same = await audited(() =>
      recount.caller.admin.stock.adjust({
        variantId,
        locationId: locations[0],
        onHand: 9,
        reason: "recount",
      }),
    );
    expect(same.types).toEqual([staffActionV1.type]);
    expect(only(same.events, recount.requestId)).toMatchObject({ action: "stock.adjusted", changes: [] });
    expect(await f.db.prisma.stockAdjustment.count({ where: { variantId } })).toBe(3);
  });

  it("records stock received into a location that did not stock the variant as starting from nothing", async () => {
    const { variantId, sku } = await newVariant(2);
    const receive = as();
    const { events } = await audited(() =>
      receive.caller.admin.stock.adjust({
        variantId,
        locationId: locations[1],
        delta: 4,
        reason: "received",
      }),
    );
    expect(only(events, receive.requestId)).toMatchObject({
      target: { id: `${variantId}@${locations[1]}`, label: `${sku} at Audit location 1` },
      changes: [
        { field: "onHand", before: null, after: 4 },
        { field: "available", before: null, after: 4 },
      ],
    });
  });

  it("records threshold changes, from nothing at a location that did not stock the variant", async () => {
    const { variantId } = await newVariant(8);
    const raise = as();
    const raised = await audited(() =>
      raise.caller.admin.stock.setThreshold({ variantId, locationId: locations[0], threshold: 8 }),
    );
    expect(raised.types).toEqual([staffActionV1.type]);
    expect(only(raised.events, raise.requestId)).toMatchObject({
      action: "stock.threshold-changed",
      changes: [{ field: "lowStockThreshold", before: 5, after: 8 }],
    });
    const open = as();
    const opened = await audited(() =>
      open.caller.admin.stock.setThreshold({ variantId, locationId: locations[1], threshold: 3 }),
    );
    expect(only(opened.events, open.requestId).changes).toEqual([
      { field: "lowStockThreshold", before: null, after: 3 },
    ]);
  });

  it("writes nothing to the outbox for a change that is refused", async () => {
    const { variantId } = await newVariant(4, 3);
    const c = as().caller;
    const cases: [string, () => Promise<unknown>][] = [
      [
        "below reserved",
        () => c.admin.stock.adjust({ variantId, locationId: locations[0], delta: -2, reason: "damaged" }),
      ],
      [
        "the wrong direction",
        () => c.admin.stock.adjust({ variantId, locationId: locations[0], delta: -1, reason: "received" }),
      ],
      [
        "an unknown variant",
        () =>
          c.admin.stock.adjust({
            variantId: randomUUID(),
            locationId: locations[0],
            delta: 1,
            reason: "received",
          }),
      ],
      [
        "an unknown location",
        () => c.admin.stock.adjust({ variantId, locationId: randomUUID(), delta: 1, reason: "received" }),
      ],
      [
        "a threshold out of range",
        () => c.admin.stock.setThreshold({ variantId, locationId: locations[0], threshold: -1 }),
      ],
      [
        "a threshold at an unknown location",
        () => c.admin.stock.setThreshold({ variantId, locationId: randomUUID(), threshold: 1 }),
      ],
      [
        "a support user's adjustment",
        () =>
          f
            .as(support)
            .admin.stock.adjust({ variantId, locationId: locations[0], delta: 1, reason: "received" }),
      ],
    ];
    for (const [what, call] of cases) {
      const from = await lastSeq();
      await refusal(call());
      expect(await f.db.prisma.inventoryOutbox.count({ where: { seq: { gt: from } } }), what).toBe(0);
    }
  });

  it("rolls the adjustment back when its audit event cannot be written", async () => {
    const { variantId } = await newVariant(6);
    // Building the event fails inside the transaction, after the change was made.
    const broken = unwritableAuditScope(manager);
    const from = await lastSeq();
    await expect(
      f.api.base.stock.adjust({
        variantId,
        locationId: locations[0],
        change: { delta: 3 },
        reason: "received",
        note: null,
        audit: broken,
      }),
    ).rejects.toThrow(ZodError);
    await expect(f.api.base.stock.setThreshold(variantId, locations[0], 9, broken)).rejects.toThrow(ZodError);
    const level = await f.db.prisma.stockLevel.findFirstOrThrow({ where: { variantId } });
    expect([level.onHand, level.available, level.lowStockThreshold]).toEqual([6, 6, 5]);
    expect(await f.db.prisma.stockAdjustment.count({ where: { variantId } })).toBe(0);
    expect(await f.db.prisma.inventoryOutbox.count({ where: { seq: { gt: from } } })).toBe(0);
  });

  it("publishes the audit events on the audit topic through the relay, beside the stock events", async () => {
    const events = new InProcessEventBus(log);
    const relay = new OutboxRelay({ db: f.db, schema: "inventory", events, log, pollMs: 200 });
    const heard: { topic: string; envelope: Envelope }[] = [];
    const subscription = await events.subscribe({
      group: "audit-topic-test",
      topics: [TOPICS.audit, TOPICS.inventory],
      fromBeginning: true,
      handle: async (envelope, info) => void heard.push({ topic: info.source, envelope }),
    });
    await relay.start();
    try {
      const { variantId } = await newVariant(1);
      const adjust = as();
      await adjust.caller.admin.stock.adjust({
        variantId,
        locationId: locations[0],
        delta: 1,
        reason: "returned",
      });
      const audit = await waitFor(
        () =>
          heard.find(
            (h) =>
              h.envelope.type === staffActionV1.type &&
              h.envelope.aggregateId === `stock:${variantId}@${locations[0]}`,
          ) ?? null,
        { what: "the adjustment's audit event on the bus" },
      );
      expect(audit.topic).toBe(TOPICS.audit);
      expect(readMessage(audit.envelope, staffActionV1).data.requestId).toBe(adjust.requestId);
      const stock = await waitFor(
        () =>
          heard.find(
            (h) => h.envelope.type === stockChangedV1.type && h.envelope.aggregateId === variantId,
          ) ?? null,
        { what: "the adjustment's stock event on the bus" },
      );
      expect(stock.topic).toBe(TOPICS.inventory);
    } finally {
      await relay.stop();
      await subscription.stop();
      await events.close();
    }
  });
});
