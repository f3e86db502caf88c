// The audit API over HTTP, as the admin's server reaches it with createAuditClient: an owner's token
// reads the log; no token or a forged one is 401, another role 403; bad input is a 400 whose data names
// the field; answers are never kept by a shared cache.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCClientError } from "@trpc/client";
import { signServiceToken, type SignedPrincipal, type StaffRole } from "@emporium/auth";
import { freePort } from "@emporium/testkit/processes";
import { MemoryAuditLog } from "../src/adapters/memory/memory-audit-log";
import { createAuditClient } from "../src/client";
import { createAuditFixture, staffAction, type AuditFixture } from "./fixture";
import { waitFor } from "@emporium/testkit";

const staff = (role: StaffRole): SignedPrincipal => ({
  kind: "staff",
  userId: "00000000-0000-4000-8000-000000000001",
  email: `${role}@shop.test`,
  role,
});

describe("audit over HTTP", () => {
  let f: AuditFixture;
  let url: string;

  beforeAll(async () => {
    f = await createAuditFixture(new MemoryAuditLog());
    const port = await freePort();
    await f.service.server.listen(port, "127.0.0.1");
    url = `http://127.0.0.1:${port}/trpc`;
    await f.announce(
      staffAction({ action: "staff-member.role-changed", target: { type: "staff-member", id: "u1" } }),
    );
  });
  afterAll(async () => {
    await f?.service.server.close();
    await f?.dispose();
  });

  const clientAs = async (principal: SignedPrincipal | null, key = f.tokenKey) => {
    const headers: Record<string, string> = principal
      ? { authorization: `Bearer ${await signServiceToken(principal, key)}` }
      : {};
    return createAuditClient({ url, headers: () => headers });
  };

  async function refused(call: Promise<unknown>) {
    const err = await call.then(
      () => expect.fail("the call went through"),
      (e: unknown) => e,
    );
    if (!(err instanceof TRPCClientError)) throw err;
    const data = err.data as { httpStatus?: number; field?: string } | undefined;
    return { status: data?.httpStatus, field: data?.field, message: err.message };
  }

  it("answers an owner, and says no to everyone else with the right status", async () => {
    const owner = await clientAs(staff("owner"));
    const page = await waitFor(async () => {
      const p = await owner.activity.list.query({});
      return p.items.length > 0 && p;
    });
    expect(page.items[0]).toMatchObject({ action: "staff-member.role-changed", target: { id: "u1" } });
    expect(await owner.activity.actions.query()).toEqual(["staff-member.role-changed"]);

    expect(await refused((await clientAs(null)).activity.list.query({}))).toMatchObject({ status: 401 });
    const forged = await clientAs(staff("owner"), new Uint8Array(randomBytes(32)));
    expect(await refused(forged.activity.list.query({}))).toMatchObject({ status: 401 });
    for (const role of ["manager", "support"] as const)
      expect(await refused((await clientAs(staff(role))).activity.list.query({}))).toMatchObject({
        status: 403,
        message: expect.stringMatching(/audit\.read is required/),
      });
  });

  it("names the field of a bad cursor or a reversed time range in a 400", async () => {
    const owner = await clientAs(staff("owner"));
    expect(await refused(owner.activity.list.query({ cursor: "eyJub3QiOiJ0aGlzIn0" }))).toMatchObject({
      status: 400,
      field: "cursor",
      message: "cursor: is not a cursor this service issued",
    });
    expect(
      await refused(owner.activity.list.query({ from: "2026-03-02T00:00:00Z", to: "2026-03-01T00:00:00Z" })),
    ).toMatchObject({ status: 400, field: "from" });
    expect(await refused(owner.activity.list.query({ limit: 500 }))).toMatchObject({
      status: 400,
      field: "limit",
    });
  });

  it("is never cached by a shared cache", async () => {
    const token = await signServiceToken(staff("owner"), f.tokenKey);
    const res = await fetch(`${url}/activity.actions`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });
});
