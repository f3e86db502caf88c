// Every procedure of the audit service × every kind of caller: each call succeeds exactly where the
// permission matrix of @emporium/auth grants it (audit.read: owners) and is refused with 401
// (anonymous) or 403 (everyone else) otherwise. And the router offers no way to change the log: it has
// no mutation at all. Authorization does not depend on the store, so this runs on the embedded one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  summarizeMatrix,
  TEST_PRINCIPALS,
  walkPermissionMatrix,
  type GuardedProcedure,
} from "@emporium/auth/testing";
import { MemoryAuditLog } from "../src/adapters/memory/memory-audit-log";
import { appRouter } from "../src/api/router/_app";
import { createAuditFixture, type AuditFixture, type Caller } from "./fixture";

/** A procedure's kind as tRPC records it ("query", "mutation", "subscription"). */
function typeOf(procedure: unknown): unknown {
  if (typeof procedure !== "object" && typeof procedure !== "function") return undefined;
  if (procedure === null || !("_def" in procedure)) return undefined;
  const def: unknown = procedure._def;
  return typeof def === "object" && def !== null && "type" in def ? def.type : undefined;
}

describe("audit procedures × callers", () => {
  let f: AuditFixture;

  beforeAll(async () => {
    f = await createAuditFixture(new MemoryAuditLog());
  });
  afterAll(() => f?.dispose());

  it("allows each exactly where the permission matrix does", async () => {
    const procedures: Record<string, GuardedProcedure<Caller>> = {
      "activity.list": { permission: "audit.read", call: (c) => c.activity.list({}) },
      "activity.actions": { permission: "audit.read", call: (c) => c.activity.actions() },
    };
    // Every procedure the router has must be in the walk: a new one without an entry fails here.
    expect(Object.keys(procedures).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());

    const { outcomes, unexpected } = await walkPermissionMatrix(procedures, (principal) => f.as(principal));
    console.log(summarizeMatrix("audit", outcomes, unexpected));
    expect(unexpected).toEqual([]);
    expect(outcomes).toHaveLength(2 * Object.keys(TEST_PRINCIPALS).length);
    expect(outcomes.filter((o) => o.actual === "allowed").map((o) => o.principal)).toEqual([
      "owner",
      "owner",
    ]);
  });

  it("has no mutation: nothing can edit or delete an entry", () => {
    const types = Object.entries(appRouter._def.procedures).map(([path, procedure]) => [
      path,
      typeOf(procedure),
    ]);
    expect(types.length).toBeGreaterThan(0);
    expect(types.filter(([, type]) => type !== "query")).toEqual([]);
  });
});
