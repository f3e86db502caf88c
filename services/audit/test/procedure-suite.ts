// The audit service as the admin uses it, on a given audit log: staff actions announced on the audit
// topic (as every service's outbox relay announces them) show in activity.list exactly once, newest
// first, with everything the event said; the filters and the cursor page through them; poison messages
// are dead-lettered without holding up the rest; bad input is a 400 naming the field. Run on the
// embedded store (procedures.test.ts) and on MongoDB (procedures.int.test.ts).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TRPCError } from "@trpc/server";
import { TEST_PRINCIPALS } from "@emporium/auth/testing";
import { TOPICS } from "@emporium/contracts";
import { zodIssuePath } from "@emporium/runtime";
import { InvalidInputError } from "@emporium/service-kit/errors";
import { waitFor } from "@emporium/testkit";
import { ZodError } from "zod";
import type { AuditLog } from "../src/ports/audit-log";
import { createAuditFixture, refusal, staffAction, type AuditFixture } from "./fixture";

const owner = TEST_PRINCIPALS.owner!;

/** The input field a refusal names (what the HTTP answer carries as data.field). */
function fieldOf(err: TRPCError): string | undefined {
  const cause = err.cause;
  if (cause instanceof InvalidInputError) return cause.field;
  if (cause instanceof ZodError) return cause.issues[0] ? zodIssuePath(cause.issues[0]) : undefined;
  return undefined;
}

export function procedureSuite(
  name: string,
  available: boolean,
  makeLog: () => Promise<{ auditLog: AuditLog; dispose(): Promise<void> }>,
): void {
  describe.runIf(available)(`audit procedures on ${name}`, () => {
    let f: AuditFixture;

    beforeAll(async () => {
      const { auditLog, dispose } = await makeLog();
      f = await createAuditFixture(auditLog, dispose);
    });
    afterAll(() => f?.dispose());

    /** The owner's listing of one target's entries once `count` of them are stored. */
    async function stored(targetId: string, count: number) {
      return waitFor(
        async () => {
          const page = await f.as(owner).activity.list({ targetId, limit: 100 });
          return page.items.length >= count && page;
        },
        { what: `${count} entries about ${targetId}` },
      );
    }

    it("records each staff action once, with everything its event said, newest first", async () => {
      const targetId = randomUUID();
      const target = { type: "order", id: targetId, label: "EM-1042" };
      const cancelled = staffAction({
        at: new Date("2026-03-01T10:00:00.000Z"),
        service: "orders",
        actor: { email: "Support@Shop.test", role: "support" },
        action: "order.cancelled",
        target,
        changes: [{ field: "status", before: "PAID", after: "CANCELLED" }],
        reason: "Customer asked",
      });
      const refunded = staffAction({
        at: new Date("2026-03-01T10:05:00.000Z"),
        service: "orders",
        actor: { email: "owner@shop.test", role: "owner" },
        action: "order.refunded",
        target,
        changes: [{ field: "refundedCents", before: 0, after: 4_599 }],
      });
      // The same event three times (a relay that crashed before marking it sent, a rebalance).
      await f.announce(cancelled, refunded, cancelled);
      await f.announce(cancelled);
      const page = await stored(targetId, 2);
      // A later event about the same target arrives after the duplicates: they held nothing up.
      const marker = staffAction({ at: new Date("2026-03-01T11:00:00.000Z"), target, action: "order.noted" });
      await f.announce(marker);
      await stored(targetId, 3);
      expect(page.nextCursor).toBeNull();
      expect(page.items.map((e) => e.id)).toEqual([refunded.id, cancelled.id]);
      expect(page.items[1]).toEqual({
        id: cancelled.id,
        at: "2026-03-01T10:00:00.000Z",
        service: "orders",
        actor: cancelled.data.actor,
        action: "order.cancelled",
        target,
        changes: [{ field: "status", before: "PAID", after: "CANCELLED" }],
        reason: "Customer asked",
        requestId: cancelled.data.requestId,
        traceId: cancelled.data.traceId,
      });
      const all = await f.as(owner).activity.list({ targetId });
      expect(all.items.map((e) => e.id)).toEqual([marker.id, refunded.id, cancelled.id]);
    });

    it("dead-letters what is not a staff action and goes on with the next", async () => {
      const targetId = randomUUID();
      const good = staffAction({ target: { type: "product", id: targetId } });
      const wrongData = { ...staffAction(), data: { service: "Catalog!", actor: {} } };
      const otherType = { ...staffAction(), type: "audit.staff-action.v9" };
      await f.events.publishRaw(TOPICS.audit, "x", Buffer.from("{not json"));
      await f.announce(wrongData, otherType, good);
      await stored(targetId, 1);
      const dead = await f.events.deadLetters(TOPICS.audit);
      const reasons = dead.map((d) => d.reason).join("\n");
      expect(dead.map((d) => d.body)).toEqual(
        expect.arrayContaining([JSON.stringify(wrongData), JSON.stringify(otherType)]),
      );
      expect(reasons).toMatch(/not JSON/);
      expect(reasons).toMatch(/audit\.staff-action\.v9 is not an event the audit log reads/);
      // Nothing of the poison was stored.
      const ids = (await f.as(owner).activity.list({ limit: 100 })).items.map((e) => e.id);
      expect(ids).not.toContain(wrongData.id);
      expect(ids).not.toContain(otherType.id);
    });

    it("filters by actor (beginning, any case), action, target and time, and pages by cursor", async () => {
      const targetId = randomUUID();
      const base = Date.UTC(2026, 4, 1, 8);
      const actions = Array.from({ length: 12 }, (_, i) =>
        staffAction({
          at: new Date(base + i * 60_000),
          actor: { email: i % 2 ? "Dana.Ops@Shop.test" : "erin@shop.test" },
          action: i % 3 ? "product.price-changed" : "product.published",
          target: { type: "product", id: targetId },
        }),
      );
      await f.announce(...actions);
      await stored(targetId, 12);
      const list = (input: Parameters<ReturnType<AuditFixture["as"]>["activity"]["list"]>[0]) =>
        f.as(owner).activity.list({ targetId, ...input });
      const idsOf = (indexes: number[]) => indexes.map((i) => actions[i]!.id);

      expect((await list({ actor: "dana.ops@" })).items.map((e) => e.id)).toEqual(idsOf([11, 9, 7, 5, 3, 1]));
      expect((await list({ actor: "ERIN@SHOP.TEST" })).items).toHaveLength(6);
      expect((await list({ action: "product.published" })).items.map((e) => e.id)).toEqual(
        idsOf([9, 6, 3, 0]),
      );
      expect((await list({ targetType: "order" })).items).toEqual([]);
      const window = await list({
        from: new Date(base + 2 * 60_000).toISOString(),
        to: new Date(base + 4 * 60_000).toISOString(),
      });
      expect(window.items.map((e) => e.id)).toEqual(idsOf([4, 3, 2]));

      // Five at a time: 5, 5, 2, each once, in order.
      const seen: string[] = [];
      let page = await list({ limit: 5 });
      const sizes = [page.items.length];
      seen.push(...page.items.map((e) => e.id));
      while (page.nextCursor) {
        page = await list({ limit: 5, cursor: page.nextCursor });
        sizes.push(page.items.length);
        seen.push(...page.items.map((e) => e.id));
      }
      expect(sizes).toEqual([5, 5, 2]);
      expect(seen).toEqual(idsOf([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]));

      expect(await f.as(owner).activity.actions()).toEqual(
        expect.arrayContaining(["product.price-changed", "product.published"]),
      );
    });

    it("lists 50 to a page unless asked otherwise, and at most 100", async () => {
      const targetId = randomUUID();
      await f.announce(
        ...Array.from({ length: 55 }, (_, i) =>
          staffAction({ at: new Date(Date.UTC(2026, 5, 1) + i), target: { type: "variant", id: targetId } }),
        ),
      );
      await stored(targetId, 55);
      const first = await f.as(owner).activity.list({ targetId });
      expect(first.items).toHaveLength(50);
      expect(first.nextCursor).not.toBeNull();
      const rest = await f.as(owner).activity.list({ targetId, cursor: first.nextCursor ?? "" });
      expect(rest.items).toHaveLength(5);
      expect(rest.nextCursor).toBeNull();
      expect((await f.as(owner).activity.list()).items.length).toBeLessThanOrEqual(50);
    });

    it("refuses a cursor it did not issue with a 400 naming the cursor, never a 500", async () => {
      const forge = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
      const issued = (await f.as(owner).activity.list({ limit: 1 })).nextCursor ?? "";
      const decoded = JSON.parse(Buffer.from(issued, "base64url").toString("utf8")) as object;
      const bad = [
        "not a cursor",
        "%%%",
        forge({ at: "2026-01-01T00:00:00.000Z" }),
        forge({ ...decoded, id: "x" }),
        forge({ ...decoded, at: "yesterday" }),
        forge({ ...decoded, at: "2026-02-30T00:00:00.000Z" }),
        forge({ ...decoded, $where: "1" }),
        forge([1, 2]),
        forge({ at: { $gt: "" }, id: { $ne: null } }),
        issued.slice(0, -3),
      ];
      for (const cursor of bad) {
        const err = await refusal(f.as(owner).activity.list({ cursor }), "BAD_REQUEST");
        expect(fieldOf(err), cursor).toBe("cursor");
        expect(err.message, cursor).toMatch(/^cursor: /);
      }
    });

    it("refuses bad filters with a 400 naming the field", async () => {
      const cases = [
        [{ from: "2026-03-02T00:00:00Z", to: "2026-03-01T00:00:00Z" }, "from"],
        [{ from: "last week" }, "from"],
        [{ to: "2026-13-01T00:00:00Z" }, "to"],
        [{ limit: 0 }, "limit"],
        [{ limit: 101 }, "limit"],
        [{ limit: 2.5 }, "limit"],
        [{ action: "Product Price" }, "action"],
        [{ targetType: "Product" }, "targetType"],
        [{ actor: "   " }, "actor"],
        [{ targetId: "" }, "targetId"],
        [{ page: 2 }, "page"],
      ] as const;
      for (const [input, field] of cases) {
        const err = await refusal(
          f
            .as(owner)
            .activity.list(input as Parameters<ReturnType<AuditFixture["as"]>["activity"]["list"]>[0]),
          "BAD_REQUEST",
        );
        expect(fieldOf(err), JSON.stringify(input)).toBe(field);
      }
      const reversed = await refusal(
        f.as(owner).activity.list({ from: "2026-03-02T00:00:00Z", to: "2026-03-01T00:00:00Z" }),
      );
      expect(reversed.message).toMatch(/^from: must not be after to/);
    });

    it("shows the log to owners alone: 401 without a token, 403 for every other role", async () => {
      expect((await f.as(owner).activity.list()).items.length).toBeGreaterThan(0);
      await refusal(f.as().activity.list(), "UNAUTHORIZED");
      await refusal(f.as().activity.actions(), "UNAUTHORIZED");
      for (const who of ["manager", "support", "shopper"]) {
        await refusal(f.as(TEST_PRINCIPALS[who]).activity.list(), "FORBIDDEN");
        await refusal(f.as(TEST_PRINCIPALS[who]).activity.actions(), "FORBIDDEN");
      }
    });
  });
}
