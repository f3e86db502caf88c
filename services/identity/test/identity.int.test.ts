// The identity service's procedures through the tRPC caller, on the embedded PGlite and on real
// PostgreSQL: one suite, two databases. What is stored is checked in the rows themselves.
import { verifyPassword } from "@emporium/auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseTargets } from "@emporium/db/testing";
import { DEV_ACCOUNTS, ensureDevAccounts } from "../src/service";
import { createIdentityFixture, log, refusal, staff, uniqueEmail, type IdentityFixture } from "./fixture";
import type { ZodError } from "zod";

const PASSWORD = "correct horse battery staple";

describe.each(testDatabaseTargets("identity procedures"))("identity on $name", (target) => {
  let f: IdentityFixture;

  beforeAll(async () => {
    f = await createIdentityFixture(target);
    await ensureDevAccounts(f.db, log);
  });
  afterAll(() => f?.dispose());

  const row = (email: string) => f.db.prisma.user.findUniqueOrThrow({ where: { email } });
  const signIn = (email: string, password: string) => f.as().auth.signIn({ email, password });
  async function ownerPrincipal() {
    return staff(await signIn("owner@emporium.local", "owner-password"));
  }

  it("signs a new shopper up, then in, and records when", async () => {
    const email = uniqueEmail("ada");
    const account = await f.as().auth.signUp({ email, password: PASSWORD, name: "Ada Lovelace" });
    expect(account).toEqual({ id: expect.any(String), email, name: "Ada Lovelace", role: null });
    expect((await row(email)).lastSignInAt).toBeNull();

    const before = Date.now();
    expect(await signIn(email, PASSWORD)).toEqual({ ...account, sessionVersion: 0 });
    const stored = await row(email);
    expect(stored.lastSignInAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(stored.staffRole).toBeNull();
  });

  it("stores emails lower-cased and finds them however they are typed", async () => {
    const email = uniqueEmail("Grace.Hopper").replace("@example.com", "@Example.COM");
    const account = await f.as().auth.signUp({ email: `  ${email} `, password: PASSWORD, name: "Grace" });
    expect(account.email).toBe(email.toLowerCase());
    expect((await row(email.toLowerCase())).email).toBe(email.toLowerCase());
    expect((await signIn(email.toUpperCase(), PASSWORD)).id).toBe(account.id);
  });

  it("stores passwords only as argon2id hashes", async () => {
    const email = uniqueEmail();
    await f.as().auth.signUp({ email, password: PASSWORD, name: "Hashed" });
    const { passwordHash } = await row(email);
    expect(passwordHash).toMatch(/^\$argon2id\$/);
    expect(passwordHash).not.toContain(PASSWORD);
    expect(await verifyPassword(passwordHash ?? "", PASSWORD)).toBe(true);
    for (const dev of DEV_ACCOUNTS) expect((await row(dev.email)).passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("answers a wrong password and an unknown email alike, and leaves the account untouched", async () => {
    const email = uniqueEmail();
    await f.as().auth.signUp({ email, password: PASSWORD, name: "Careful" });
    const wrong = await refusal(signIn(email, `${PASSWORD}!`), "UNAUTHORIZED");
    const unknown = await refusal(signIn(uniqueEmail("nobody"), PASSWORD), "UNAUTHORIZED");
    expect(wrong.message).toBe("Email or password is incorrect");
    expect(unknown.message).toBe(wrong.message);
    expect((await row(email)).lastSignInAt).toBeNull();
  });

  it("refuses a second account for an email, in any case", async () => {
    const email = uniqueEmail();
    await f.as().auth.signUp({ email, password: PASSWORD, name: "First" });
    for (const again of [email, email.toUpperCase()]) {
      const err = await refusal(
        f.as().auth.signUp({ email: again, password: PASSWORD, name: "Second" }),
        "CONFLICT",
      );
      expect(err.message).toBe("An account with this email already exists");
    }
    expect(await f.db.prisma.user.count({ where: { email } })).toBe(1);
  });

  it("refuses a short password and a bad email, naming the field", async () => {
    const short = await refusal(
      f.as().auth.signUp({ email: uniqueEmail(), password: "short", name: "Shorty" }),
      "BAD_REQUEST",
    );
    expect((short.cause as ZodError).issues.map((i) => i.path.join("."))).toEqual(["password"]);
    const bad = await refusal(
      f.as().auth.signUp({ email: "not-an-email", password: PASSWORD, name: "Nobody" }),
      "BAD_REQUEST",
    );
    expect((bad.cause as ZodError).issues.map((i) => i.path.join("."))).toEqual(["email"]);
    await refusal(signIn("not-an-email", PASSWORD), "BAD_REQUEST");
    const nul = await refusal(
      f.as().auth.signUp({ email: uniqueEmail(), password: PASSWORD, name: "Nul\u0000" }),
      "BAD_REQUEST",
    );
    expect(nul.message).toBe("name: must not contain a NUL character");
    expect(await f.db.prisma.user.count({ where: { name: { in: ["Shorty", "Nobody"] } } })).toBe(0);
  });

  it("lists the staff by email with their roles, and no shoppers", async () => {
    const list = await f.as(await ownerPrincipal()).admin.staff.list();
    const emails = list.map((m) => m.email);
    expect(emails).toEqual([...emails].sort());
    expect(list.every((m) => m.role !== null)).toBe(true);
    expect(emails).not.toContain("shopper@emporium.local");
    const owner = list.find((m) => m.email === "owner@emporium.local");
    expect(owner).toMatchObject({ name: "Olivia Owner", role: "owner" });
    expect(Date.parse(owner?.lastSignInAt ?? "")).not.toBeNaN();
    expect(list.find((m) => m.email === "support@emporium.local")?.role).toBe("support");
  });

  it("invites a new colleague with a one-time password that signs in", async () => {
    const email = uniqueEmail("new.colleague");
    const invitation = await f
      .as(await ownerPrincipal())
      .admin.staff.invite({ email, name: "New Colleague", role: "manager" });
    expect(invitation.member).toMatchObject({
      email,
      name: "New Colleague",
      role: "manager",
      lastSignInAt: null,
    });
    const temporary = invitation.temporaryPassword ?? "";
    expect(temporary.length).toBeGreaterThanOrEqual(16);
    const { passwordHash } = await row(email);
    expect(passwordHash).toMatch(/^\$argon2id\$/);
    expect(passwordHash).not.toContain(temporary);
    expect(await signIn(email, temporary)).toEqual({
      id: invitation.member.id,
      email,
      name: "New Colleague",
      role: "manager",
      sessionVersion: 0,
    });
  });

  it("ends every session of the signed-in account, and only its own", async () => {
    const email = uniqueEmail("sol");
    const other = uniqueEmail("oth");
    const me = await f.as().auth.signUp({ email, password: PASSWORD, name: "Sol" });
    const them = await f.as().auth.signUp({ email: other, password: PASSWORD, name: "Oth" });
    const asMe = f.as({ kind: "shopper", userId: me.id, email });
    expect(await asMe.auth.session()).toEqual({ role: null, sessionVersion: 0 });
    expect(await asMe.auth.endSessions()).toEqual({ ended: true });
    expect(await asMe.auth.session()).toEqual({ role: null, sessionVersion: 1 });
    expect((await signIn(email, PASSWORD)).sessionVersion).toBe(1);
    // The other account is untouched: the caller is the token's user, never an id from the input.
    expect(await f.as({ kind: "shopper", userId: them.id, email: other }).auth.session()).toEqual({
      role: null,
      sessionVersion: 0,
    });
    await refusal(f.as().auth.session(), "UNAUTHORIZED");
    await refusal(f.as().auth.endSessions(), "UNAUTHORIZED");
    const gone = f.as({ kind: "shopper", userId: "00000000-0000-4000-8000-000000000999", email: "g@x.io" });
    await refusal(gone.auth.session(), "UNAUTHORIZED");
  });

  it("promotes an existing shopper, who keeps their password", async () => {
    const owner = f.as(await ownerPrincipal());
    const email = uniqueEmail("shopper");
    const shopper = await f.as().auth.signUp({ email, password: PASSWORD, name: "Loyal Shopper" });
    const invitation = await owner.admin.staff.invite({ email, name: "Ignored", role: "support" });
    expect(invitation.temporaryPassword).toBeNull();
    expect(invitation.member).toMatchObject({ id: shopper.id, name: "Loyal Shopper", role: "support" });
    expect((await signIn(email, PASSWORD)).role).toBe("support");
    const again = await refusal(
      owner.admin.staff.invite({ email, name: "Again", role: "manager" }),
      "CONFLICT",
    );
    expect(again.message).toMatch(/already on the staff/);
    expect((await row(email)).staffRole).toBe("support");
  });

  it("changes roles but never removes the last owner", async () => {
    const ownerRow = await row("owner@emporium.local");
    const owner = f.as(await ownerPrincipal());
    expect(await f.db.prisma.user.count({ where: { staffRole: "owner" } })).toBe(1);
    for (const role of ["manager", null] as const) {
      const err = await refusal(owner.admin.staff.setRole({ userId: ownerRow.id, role }), "BAD_REQUEST");
      expect(err.message).toMatch(/only owner/);
    }
    expect((await row("owner@emporium.local")).staffRole).toBe("owner");

    // With a second owner the first may step down, and the second may not then follow.
    const second = await owner.admin.staff.invite({
      email: uniqueEmail("co-owner"),
      name: "Co",
      role: "support",
    });
    expect((await owner.admin.staff.setRole({ userId: second.member.id, role: "owner" })).role).toBe("owner");
    expect((await owner.admin.staff.setRole({ userId: ownerRow.id, role: "manager" })).role).toBe("manager");
    const coOwner = f.as(staff({ ...second.member, role: "owner" }));
    await refusal(coOwner.admin.staff.setRole({ userId: second.member.id, role: null }), "BAD_REQUEST");
    // Back as it was: owner@ the only owner again.
    await coOwner.admin.staff.setRole({ userId: ownerRow.id, role: "owner" });
    await owner.admin.staff.setRole({ userId: second.member.id, role: null });
    expect(await f.db.prisma.user.count({ where: { staffRole: "owner" } })).toBe(1);
  });

  it("keeps an owner when two owners step down at the same moment", async () => {
    const owner = f.as(await ownerPrincipal());
    const ownerRow = await row("owner@emporium.local");
    const second = await owner.admin.staff.invite({
      email: uniqueEmail("twin"),
      name: "Twin",
      role: "owner",
    });
    const results = await Promise.allSettled([
      owner.admin.staff.setRole({ userId: ownerRow.id, role: "manager" }),
      owner.admin.staff.setRole({ userId: second.member.id, role: "manager" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await f.db.prisma.user.count({ where: { staffRole: "owner" } })).toBe(1);
    // Back as it was.
    await owner.admin.staff.setRole({ userId: ownerRow.id, role: "owner" });
    await owner.admin.staff.setRole({ userId: second.member.id, role: null });
  });

  it("answers NOT_FOUND for an unknown account", async () => {
    const owner = f.as(await ownerPrincipal());
    await refusal(
      owner.admin.staff.setRole({ userId: "00000000-0000-4000-8000-000000000000", role: "support" }),
      "NOT_FOUND",
    );
  });

  it("makes the development accounts once, each with its role", async () => {
    await ensureDevAccounts(f.db, log);
    expect(await f.db.prisma.user.count({ where: { email: { endsWith: "@emporium.local" } } })).toBe(4);
    for (const dev of DEV_ACCOUNTS) expect((await signIn(dev.email, dev.password)).role).toBe(dev.role);
  });
});
