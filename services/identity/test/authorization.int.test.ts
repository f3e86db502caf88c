// Every staff procedure of the identity service × every kind of caller: each call succeeds exactly where
// the permission matrix of @emporium/auth grants it, and is refused with 401 (anonymous) or 403
// (everyone else) otherwise — and a refused call changes nothing. Authorization does not depend on the
// database, so this walk runs once, on the embedded one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { can } from "@emporium/auth";
import {
  summarizeMatrix,
  TEST_PRINCIPALS,
  walkPermissionMatrix,
  type GuardedProcedure,
} from "@emporium/auth/testing";
import { embeddedTestDatabase } from "@emporium/db/testing";
import { ensureDevAccounts } from "../src/service";
import { appRouter } from "../src/api/router/_app";
import { createIdentityFixture, log, uniqueEmail, type Caller, type IdentityFixture } from "./fixture";

describe("identity staff procedures × callers", () => {
  let f: IdentityFixture;

  beforeAll(async () => {
    f = await createIdentityFixture(embeddedTestDatabase());
    await ensureDevAccounts(f.db, log);
  });
  afterAll(() => f?.dispose());

  it("allows each exactly where the permission matrix does", async () => {
    const target = await f.openAccount({
      email: uniqueEmail("target"),
      password: "a long password",
      name: "T",
    });
    const invited: string[] = [];
    const procedures: Record<string, GuardedProcedure<Caller>> = {
      "admin.staff.list": { permission: "staff.read", call: (c) => c.admin.staff.list() },
      "admin.staff.setRole": {
        permission: "staff.manage",
        call: (c) => c.admin.staff.setRole({ userId: target.id, role: "support" }),
      },
      "admin.staff.invite": {
        permission: "staff.manage",
        call: (c) => {
          const email = uniqueEmail("invitee");
          invited.push(email);
          return c.admin.staff.invite({ email, name: "Invitee", role: "support" });
        },
      },
    };
    // Every admin procedure the router has must be in the walk: a new one without an entry fails here.
    const adminPaths = Object.keys(appRouter._def.procedures).filter((p) => p.startsWith("admin."));
    expect(Object.keys(procedures).sort()).toEqual(adminPaths.sort());

    const { outcomes, unexpected } = await walkPermissionMatrix(procedures, (principal) => f.as(principal));
    console.log(summarizeMatrix("identity", outcomes, unexpected));
    expect(unexpected).toEqual([]);
    expect(outcomes).toHaveLength(adminPaths.length * Object.keys(TEST_PRINCIPALS).length);

    // Refused invitations made no account; allowed ones did.
    const allowedInvites = Object.values(TEST_PRINCIPALS).filter((p) => can(p, "staff.manage")).length;
    expect(await f.db.prisma.user.count({ where: { email: { in: invited } } })).toBe(allowedInvites);
  });
});
