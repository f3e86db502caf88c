// Staff changes in identity are audited: each invitation and role change writes one
// audit.staff-action.v1 into identity.outbox in the transaction that makes it — never a password or a
// hash — and a refused change writes none. The outbox relay publishes them: on the in-process bus, and
// on Kafka when TEST_KAFKA_BROKERS names a broker. On PGlite and PostgreSQL.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@emporium/auth";
import { TOPICS } from "@emporium/contracts";
import { testDatabaseTargets } from "@emporium/db/testing";
import { InProcessEventBus, KafkaEventBus, type EventBus } from "@emporium/messaging";
import { auditEventsIn } from "@emporium/messaging/testing";
import { realServer, waitFor } from "@emporium/testkit";
import { ensureDevAccounts } from "../src/service";
import { createIdentityFixture, log, refusal, staff, uniqueEmail, type IdentityFixture } from "./fixture";

const PASSWORD = "correct horse battery staple";
const TRACE_ID = "0af7651916cd43dd8448eb211c80319c"; // requestAs's traceparent
const targets = testDatabaseTargets("identity audit events");
const kafka = realServer("TEST_KAFKA_BROKERS", "identity outbox relay on Kafka");

/** Collects the ids of the audit events `bus` delivers to a group of the test's own. */
async function collectAudit(bus: EventBus): Promise<{ ids: Set<string>; stop(): Promise<void> }> {
  const ids = new Set<string>();
  const sub = await bus.subscribe({
    group: `identity-audit-test-${randomUUID()}`,
    topics: [TOPICS.audit],
    fromBeginning: true,
    handle: async (e) => void ids.add(e.id),
  });
  return { ids, stop: () => sub.stop() };
}

/** The audit events identity's outbox holds about one staff member, oldest first. */
function auditOf(f: IdentityFixture, id: string) {
  return auditEventsIn(f.db, "identity", { type: "staff-member", id });
}

describe.each(targets)("identity audit on $name", (target) => {
  let f: IdentityFixture;
  let events: InProcessEventBus;
  let published: Awaited<ReturnType<typeof collectAudit>>;
  let owner: Principal;

  beforeAll(async () => {
    events = new InProcessEventBus(log, { delaysMs: [20, 50] });
    f = await createIdentityFixture(target, { events });
    await ensureDevAccounts(f.db, log);
    published = await collectAudit(events);
    owner = staff(await f.as().auth.signIn({ email: "owner@emporium.local", password: "owner-password" }));
  });
  afterAll(async () => {
    await published?.stop();
    await f?.dispose();
    await events?.close();
  });

  const auditCount = async () => (await auditEventsIn(f.db, "identity")).length;
  const actor = () =>
    owner.kind === "staff" ? { userId: owner.userId, email: owner.email, role: "owner" } : null;

  it("audits an invitation as staff-member.created, with no password or hash in it, and publishes it", async () => {
    const email = uniqueEmail("audited");
    const invitation = await f
      .as(owner, undefined, "req-invite")
      .admin.staff.invite({ email, name: "Audited Colleague", role: "manager" });
    const [event, ...more] = await auditOf(f, invitation.member.id);
    expect(more).toEqual([]);
    expect(event?.aggregateId).toBe(`staff-member:${invitation.member.id}`);
    expect(event?.data).toEqual({
      service: "identity",
      actor: actor(),
      action: "staff-member.created",
      target: { type: "staff-member", id: invitation.member.id, label: email },
      changes: [
        { field: "email", before: null, after: email },
        { field: "name", before: null, after: "Audited Colleague" },
        { field: "role", before: null, after: "manager" },
        { field: "temporaryPasswordIssued", before: null, after: true },
      ],
      requestId: "req-invite",
      traceId: TRACE_ID,
    });
    const { passwordHash } = await f.db.prisma.user.findUniqueOrThrow({ where: { email } });
    const stored = JSON.stringify(event);
    expect(stored).not.toContain(invitation.temporaryPassword ?? "no password was issued");
    expect(stored).not.toContain(passwordHash ?? "no hash was stored");
    expect(stored).not.toMatch(/argon2/);
    await waitFor(() => (event && published.ids.has(event.id) ? true : null), {
      what: "the relay to publish the invitation's audit event",
    });
  });

  it("audits a shopper's promotion, a role change, a no-op and a removal, one event each", async () => {
    const email = uniqueEmail("promoted");
    const shopper = await f.openAccount({ email, password: PASSWORD, name: "Loyal Shopper" });
    const asOwner = (requestId: string) => f.as(owner, undefined, requestId);
    await asOwner("req-promote").admin.staff.invite({ email, name: "Ignored", role: "support" });
    await asOwner("req-role").admin.staff.setRole({ userId: shopper.id, role: "manager" });
    await asOwner("req-same").admin.staff.setRole({ userId: shopper.id, role: "manager" });
    await asOwner("req-remove").admin.staff.setRole({ userId: shopper.id, role: null });
    await asOwner("req-back").admin.staff.setRole({ userId: shopper.id, role: "support" });

    const trail = await auditOf(f, shopper.id);
    expect(
      trail.map(({ data }) => ({
        action: data.action,
        requestId: data.requestId,
        label: data.target.label,
        changes: data.changes,
      })),
    ).toEqual([
      // The account existed: only its role changed, and it kept its own password.
      {
        action: "staff-member.created",
        requestId: "req-promote",
        label: email,
        changes: [{ field: "role", before: null, after: "support" }],
      },
      {
        action: "staff-member.role-changed",
        requestId: "req-role",
        label: email,
        changes: [{ field: "role", before: "support", after: "manager" }],
      },
      // Asked for and allowed, though it changed nothing: who tried what is still recorded.
      { action: "staff-member.role-changed", requestId: "req-same", label: email, changes: [] },
      {
        action: "staff-member.removed",
        requestId: "req-remove",
        label: email,
        changes: [{ field: "role", before: "manager", after: null }],
      },
      {
        action: "staff-member.created",
        requestId: "req-back",
        label: email,
        changes: [{ field: "role", before: null, after: "support" }],
      },
    ]);
    expect(trail.every((e) => e.data.actor.userId === actor()?.userId)).toBe(true);
    await waitFor(() => (trail.every((e) => published.ids.has(e.id)) ? true : null), {
      what: "the relay to publish the role changes' audit events",
    });
  });

  it("writes no audit event for a refused change", async () => {
    const manager = staff(
      await f.as().auth.signIn({ email: "manager@emporium.local", password: "manager-password" }),
    );
    const shopper = await f.openAccount({ email: uniqueEmail("s"), password: PASSWORD, name: "S" });
    const ownerRow = await f.db.prisma.user.findUniqueOrThrow({ where: { email: "owner@emporium.local" } });
    const before = await auditCount();
    const asOwner = f.as(owner);
    await refusal(
      f.as(manager).admin.staff.invite({ email: uniqueEmail("m"), name: "M", role: "support" }),
      "FORBIDDEN",
    );
    await refusal(f.as(manager).admin.staff.setRole({ userId: shopper.id, role: "owner" }), "FORBIDDEN");
    await refusal(f.as().admin.staff.setRole({ userId: shopper.id, role: "owner" }), "UNAUTHORIZED");
    await refusal(
      asOwner.admin.staff.invite({ email: "support@emporium.local", name: "Again", role: "manager" }),
      "CONFLICT",
    );
    await refusal(
      asOwner.admin.staff.invite({ email: "not-an-email", name: "X", role: "support" }),
      "BAD_REQUEST",
    );
    await refusal(
      asOwner.admin.staff.setRole({ userId: "00000000-0000-4000-8000-000000000000", role: "support" }),
      "NOT_FOUND",
    );
    // The last owner cannot step down: refused inside the transaction, which then writes nothing.
    await refusal(asOwner.admin.staff.setRole({ userId: ownerRow.id, role: "manager" }), "BAD_REQUEST");
    expect(await auditCount()).toBe(before);
    expect((await f.db.prisma.user.findUniqueOrThrow({ where: { id: shopper.id } })).staffRole).toBeNull();
  });
});

describe("identity's outbox relay on Kafka", () => {
  const target = targets[targets.length - 1];
  it.runIf(kafka.available && target)(
    "publishes a staff change's audit event on the audit topic",
    async () => {
      if (!target) throw new Error("no test database");
      const bus = new KafkaEventBus({
        brokers: (kafka.url ?? "").split(","),
        clientId: `identity-audit-test-${randomUUID().slice(0, 8)}`,
        log,
        retry: { delaysMs: [50, 150] },
      });
      const f = await createIdentityFixture(target, { events: bus });
      const published = await collectAudit(bus);
      try {
        await ensureDevAccounts(f.db, log);
        const owner = staff(
          await f.as().auth.signIn({ email: "owner@emporium.local", password: "owner-password" }),
        );
        const invitation = await f
          .as(owner)
          .admin.staff.invite({ email: uniqueEmail("kafka"), name: "Over Kafka", role: "support" });
        const [event] = await auditOf(f, invitation.member.id);
        expect(event?.data.action).toBe("staff-member.created");
        await waitFor(() => (event && published.ids.has(event.id) ? true : null), {
          timeoutMs: 60_000,
          what: "the audit event to arrive from Kafka",
        });
        // Marked sent once the broker took it.
        await waitFor(
          async () =>
            (await f.db.prisma.identityOutbox.findUnique({ where: { id: event?.id ?? "" } }))?.sentAt
              ? true
              : null,
          { what: "the outbox row to be marked sent" },
        );
      } finally {
        await published.stop();
        await f.dispose();
        await bus.close();
      }
    },
  );
});
