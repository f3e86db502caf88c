// The contract of the audit log (ports/audit-log.ts), as one suite run against every adapter: the
// in-memory one in test/memory-audit-log.test.ts, MongoDB in test/mongo-audit-log.int.test.ts. Each test
// gets a fresh, empty log.
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AuditEntry } from "../src/domain/entry";
import { newestFirst, type ActivityFilter } from "../src/domain/query";
import type { AuditLog } from "../src/ports/audit-log";
import { entry } from "./fixture";

export interface AuditLogUnderTest {
  auditLog: AuditLog;
  dispose(): Promise<void>;
}

const at = (minute: number, ms = 0) => new Date(Date.UTC(2026, 2, 1, 9, minute, 0, ms));

/** The methods an audit log may have: the port's, and nothing that could change what is stored. */
const PORT_METHODS = ["append", "list", "actions", "ping", "close"];

export function auditLogContract(
  name: string,
  available: boolean,
  make: () => Promise<AuditLogUnderTest>,
): void {
  describe(`audit log contract: ${name}`, () => {
    let under: AuditLogUnderTest;
    let log: AuditLog;
    beforeEach(async () => {
      if (!available) return;
      under = await make();
      log = under.auditLog;
    });
    afterEach(async () => {
      if (available) await under.dispose();
    });

    async function appendAll(entries: readonly AuditEntry[]): Promise<void> {
      for (const e of entries) expect(await log.append(e)).toBe("stored");
    }

    /** Every entry `filter` finds, walking the pages `limit` at a time. */
    async function everything(filter: ActivityFilter, limit = 100): Promise<AuditEntry[]> {
      const found: AuditEntry[] = [];
      let page = await log.list(filter, { limit, after: null });
      found.push(...page.items);
      while (page.next) {
        page = await log.list(filter, { limit, after: page.next });
        found.push(...page.items);
      }
      return found;
    }

    const ids = (entries: readonly AuditEntry[]) => entries.map((e) => e.id);

    it.runIf(available)("has no way to change or remove an entry: append-only", () => {
      const methods = new Set<string>();
      for (
        let o: object | null = log;
        o && o !== Object.prototype;
        o = Object.getPrototypeOf(o) as object | null
      )
        for (const key of Object.getOwnPropertyNames(o))
          if (key !== "constructor" && typeof (log as unknown as Record<string, unknown>)[key] === "function")
            methods.add(key);
      expect([...methods].sort()).toEqual([...PORT_METHODS].sort());
    });

    it.runIf(available)("keeps an entry exactly as the event told it, and hands out copies", async () => {
      const full = entry({
        at: at(1, 123),
        service: "orders",
        actor: { email: "Support.Lead@Shop.test", role: "support" },
        action: "order.cancelled",
        target: { type: "order", id: randomUUID(), label: "EM-10042" },
        changes: [
          { field: "status", before: "PAID", after: "CANCELLED" },
          { field: "refundCents", before: null, after: 4_599 },
          { field: "restocked", before: false, after: true },
          { field: "tags", before: ["gift"], after: ["gift", "cancelled"] },
          { field: "note", before: "<b>ring</b> \u00fc 😀", after: null },
        ],
        reason: "Customer asked: wrong size",
      });
      await appendAll([full]);
      const [stored] = (await log.list({}, { limit: 10, after: null })).items;
      expect(stored).toEqual(full);
      stored!.changes[0]!.after = "REWRITTEN";
      expect((await log.list({}, { limit: 10, after: null })).items[0]).toEqual(full);

      // Optional fields left out stay out (never stored as null).
      const bare = entry({ at: at(2), target: { type: "product", id: randomUUID() } });
      const { reason: _r, traceId: _t, ...withoutTrace } = bare;
      await appendAll([withoutTrace]);
      const [back] = (await log.list({ targetId: bare.target.id }, { limit: 10, after: null })).items;
      expect(back).toEqual(withoutTrace);
      expect(back && Object.keys(back)).not.toContain("reason");
      expect(back && Object.keys(back.target)).not.toContain("label");
    });

    it.runIf(available)("stores an event delivered twice once, the first copy kept", async () => {
      const first = entry({ at: at(3) });
      expect(await log.append(first)).toBe("stored");
      expect(await log.append(first)).toBe("duplicate");
      expect(await log.append({ ...first, action: "product.deleted", changes: [] })).toBe("duplicate");
      const all = await everything({});
      expect(all).toEqual([first]);
    });

    it.runIf(available)("finds entries by actor: the whole email or its beginning, in any case", async () => {
      const alice = entry({ at: at(1), actor: { email: "Alice.Smith@Shop.test" } });
      const alicia = entry({ at: at(2), actor: { email: "alicia@shop.test" } });
      const bob = entry({ at: at(3), actor: { email: "bob+ops@shop.test" } });
      await appendAll([alice, alicia, bob]);
      expect(ids(await everything({ actor: "alice.smith@shop.test" }))).toEqual([alice.id]);
      expect(ids(await everything({ actor: "ALICE.SMITH@SHOP.TEST" }))).toEqual([alice.id]);
      expect(ids(await everything({ actor: "ali" }))).toEqual([alicia.id, alice.id]);
      expect(ids(await everything({ actor: "bob+" }))).toEqual([bob.id]);
      // Its characters are text, never a pattern; and it matches from the start only.
      expect(await everything({ actor: "alice.smith@shop.tes." })).toEqual([]);
      expect(await everything({ actor: "a.ice" })).toEqual([]);
      expect(await everything({ actor: ".*" })).toEqual([]);
      expect(await everything({ actor: "smith" })).toEqual([]);
    });

    it.runIf(available)("finds entries by action (exactly) and by target", async () => {
      const productId = randomUUID();
      const price = entry({
        at: at(1),
        action: "product.price-changed",
        target: { type: "product", id: productId },
      });
      const published = entry({
        at: at(2),
        action: "product.published",
        target: { type: "product", id: productId },
      });
      const other = entry({ at: at(3), action: "product.price-changed" });
      const order = entry({ at: at(4), action: "order.cancelled", target: { type: "order", id: productId } });
      await appendAll([price, published, other, order]);
      expect(ids(await everything({ action: "product.price-changed" }))).toEqual([other.id, price.id]);
      expect(await everything({ action: "product.price" })).toEqual([]);
      expect(ids(await everything({ targetType: "product" }))).toEqual([other.id, published.id, price.id]);
      expect(ids(await everything({ targetType: "product", targetId: productId }))).toEqual([
        published.id,
        price.id,
      ]);
      expect(ids(await everything({ targetId: productId }))).toEqual([order.id, published.id, price.id]);
      expect(ids(await everything({ action: "product.published", targetId: productId }))).toEqual([
        published.id,
      ]);
    });

    it.runIf(available)("finds entries made from `from` to `to`, both included", async () => {
      const entries = [0, 1, 2, 3, 4].map((m) => entry({ at: at(10 + m) }));
      await appendAll(entries);
      const between = await everything({ from: at(11).toISOString(), to: at(13).toISOString() });
      expect(ids(between)).toEqual([entries[3]!.id, entries[2]!.id, entries[1]!.id]);
      expect(ids(await everything({ from: at(13).toISOString() }))).toEqual([entries[4]!.id, entries[3]!.id]);
      expect(ids(await everything({ to: at(10).toISOString() }))).toEqual([entries[0]!.id]);
      expect(ids(await everything({ from: at(12).toISOString(), to: at(12).toISOString() }))).toEqual([
        entries[2]!.id,
      ]);
      // A millisecond outside either bound is outside.
      expect(await everything({ from: new Date(at(14).getTime() + 1).toISOString() })).toEqual([]);
      expect(await everything({ to: new Date(at(10).getTime() - 1).toISOString() })).toEqual([]);
      // Bounds in another time zone name the same instants.
      expect(
        ids(await everything({ from: "2026-03-01T10:13:00+01:00", to: "2026-03-01T10:13:00+01:00" })),
      ).toEqual([entries[3]!.id]);
    });

    it.runIf(available)(
      "pages through 120 entries 50 at a time: each exactly once, newest first",
      async () => {
        // Three entries a millisecond for a while, so the id decides among equal times.
        const entries = Array.from({ length: 120 }, (_, i) => entry({ at: at(20, Math.floor(i / 3) * 7) }));
        await appendAll([...entries].reverse());
        const expected = ids([...entries].sort(newestFirst));

        const pages: AuditEntry[][] = [];
        let page = await log.list({}, { limit: 50, after: null });
        pages.push(page.items);
        while (page.next) {
          page = await log.list({}, { limit: 50, after: page.next });
          pages.push(page.items);
        }
        expect(pages.map((p) => p.length)).toEqual([50, 50, 20]);
        expect(ids(pages.flat())).toEqual(expected);
        expect(new Set(ids(pages.flat())).size).toBe(120);

        // A page that ends exactly at the last entry says there is no next one.
        const whole = await log.list({}, { limit: 120, after: null });
        expect(whole.items).toHaveLength(120);
        expect(whole.next).toBeNull();

        // Paging with a filter walks only what it finds, in the same order.
        const filtered = await everything({ from: at(20, 140).toISOString() }, 7);
        expect(ids(filtered)).toEqual(expected.filter((id) => filtered.some((e) => e.id === id)));
        expect(filtered.every((e) => e.at >= at(20, 140).toISOString())).toBe(true);
        expect(filtered.length).toBe(entries.filter((e) => e.at >= at(20, 140).toISOString()).length);
      },
    );

    it.runIf(available)("lists the action names stored, each once, sorted", async () => {
      expect(await log.actions()).toEqual([]);
      await appendAll([
        entry({ action: "product.price-changed" }),
        entry({ action: "order.cancelled" }),
        entry({ action: "product.price-changed" }),
        entry({ action: "review.rejected" }),
      ]);
      expect(await log.actions()).toEqual(["order.cancelled", "product.price-changed", "review.rejected"]);
    });

    it.runIf(available)("answers a ping", async () => {
      await expect(log.ping()).resolves.toBeUndefined();
    });
  });
}
