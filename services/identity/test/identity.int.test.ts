// The identity service's procedures through the tRPC caller, on the embedded PGlite and on real
// PostgreSQL: one suite, two databases. What is stored is checked in the rows themselves.
import { createHash } from "node:crypto";
import { verifyPassword } from "@emporium/auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseTargets } from "@emporium/db/testing";
import { DEV_ACCOUNTS, ensureDevAccounts } from "../src/service";
import {
  confirmationTokenIn,
  createIdentityFixture,
  log,
  refusal,
  staff,
  STOREFRONT_URL,
  uniqueEmail,
  type IdentityFixture,
} from "./fixture";
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

  it("signs a new shopper up with a mailed link: no sign-in until it is followed, then sign-in records when", async () => {
    const email = uniqueEmail("ada");
    expect(await f.as().auth.signUp({ email, password: PASSWORD, name: "Ada Lovelace" })).toEqual({
      email,
      confirmationSent: true,
    });
    const [mail] = f.mailbox.recent(email);
    expect(mail).toMatchObject({ to: email, subject: "Confirm your Emporium account" });
    expect(mail?.text).toContain(`${STOREFRONT_URL}/account/confirm?token=`);
    // The right password, before the link is followed: told to confirm (412), and nothing recorded.
    const early = await refusal(signIn(email, PASSWORD), "PRECONDITION_FAILED");
    expect(early.message).toMatch(/^Confirm your email address first/);
    expect((await row(email)).emailConfirmedAt).toBeNull();

    expect(await f.as().auth.confirmEmail({ token: confirmationTokenIn(f.mailbox, email) })).toEqual({
      email,
    });
    const before = Date.now();
    const account = await signIn(email, PASSWORD);
    expect(account).toEqual({
      id: expect.any(String),
      email,
      name: "Ada Lovelace",
      role: null,
      sessionVersion: 0,
    });
    const stored = await row(email);
    expect(stored.emailConfirmedAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(stored.lastSignInAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(stored.staffRole).toBeNull();
  });

  it("stores emails lower-cased and finds them however they are typed", async () => {
    const email = uniqueEmail("Grace.Hopper").replace("@example.com", "@Example.COM");
    const answer = await f.as().auth.signUp({ email: `  ${email} `, password: PASSWORD, name: "Grace" });
    expect(answer.email).toBe(email.toLowerCase());
    expect(f.mailbox.recent(email.toLowerCase())).toHaveLength(1);
    await f.as().auth.confirmEmail({ token: confirmationTokenIn(f.mailbox, email.toLowerCase()) });
    expect((await row(email.toLowerCase())).email).toBe(email.toLowerCase());
    expect((await signIn(email.toUpperCase(), PASSWORD)).email).toBe(email.toLowerCase());
  });

  it("stores passwords only as argon2id hashes", async () => {
    const email = uniqueEmail();
    await f.openAccount({ email, password: PASSWORD, name: "Hashed" });
    const { passwordHash } = await row(email);
    expect(passwordHash).toMatch(/^\$argon2id\$/);
    expect(passwordHash).not.toContain(PASSWORD);
    expect(await verifyPassword(passwordHash ?? "", PASSWORD)).toBe(true);
    for (const dev of DEV_ACCOUNTS) expect((await row(dev.email)).passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("answers a wrong password and an unknown email alike, and leaves the account untouched", async () => {
    const email = uniqueEmail();
    await f.openAccount({ email, password: PASSWORD, name: "Careful" });
    const wrong = await refusal(signIn(email, `${PASSWORD}!`), "UNAUTHORIZED");
    const unknown = await refusal(signIn(uniqueEmail("nobody"), PASSWORD), "UNAUTHORIZED");
    expect(wrong.message).toBe("Email or password is incorrect");
    expect(unknown.message).toBe(wrong.message);
    expect((await row(email)).lastSignInAt).toBeNull();
  });

  it("answers a sign-up for a taken email exactly as for a new one, and mails its owner a notice instead", async () => {
    const email = uniqueEmail("taken");
    await f.openAccount({ email, password: PASSWORD, name: "First" });
    const fresh = uniqueEmail("fresh");
    const newAnswer = await f.as().auth.signUp({ email: fresh, password: PASSWORD, name: "Fresh" });
    for (const again of [email, email.toUpperCase()]) {
      const answer = await f
        .as()
        .auth.signUp({ email: again, password: "another long password", name: "Second" });
      expect(answer).toEqual({ ...newAnswer, email });
      const [notice] = f.mailbox.recent(email);
      expect(notice?.subject).toBe("Someone tried to create an Emporium account with your address");
      expect(notice?.text).toContain(`${STOREFRONT_URL}/account/sign-in`);
      expect(notice?.text).not.toContain("/account/confirm");
    }
    // One mail per sign-up, and the account is as it was: its password and name unchanged.
    expect(f.mailbox.recent(email).map((m) => m.subject)).toEqual([
      "Someone tried to create an Emporium account with your address",
      "Someone tried to create an Emporium account with your address",
      "Confirm your Emporium account",
    ]);
    expect(await f.db.prisma.user.count({ where: { email } })).toBe(1);
    expect(await signIn(email, PASSWORD)).toMatchObject({ email, name: "First" });
    await refusal(signIn(email, "another long password"), "UNAUTHORIZED");
  });

  it("lets a new sign-up for an unconfirmed address replace its password, voiding the earlier link", async () => {
    const email = uniqueEmail("twice");
    await f.as().auth.signUp({ email, password: "first long password", name: "Early" });
    const earlier = confirmationTokenIn(f.mailbox, email);
    await f.as().auth.signUp({ email, password: PASSWORD, name: "Later" });
    const later = confirmationTokenIn(f.mailbox, email);
    expect(later).not.toBe(earlier);
    const stale = await refusal(f.as().auth.confirmEmail({ token: earlier }), "BAD_REQUEST");
    expect(stale.message).toMatch(/^token: This confirmation link is not valid/);
    await f.as().auth.confirmEmail({ token: later });
    expect(await signIn(email, PASSWORD)).toMatchObject({ name: "Later" });
    await refusal(signIn(email, "first long password"), "UNAUTHORIZED");
  });

  it("refuses a used, an expired and a forged confirmation link, each with a 400 saying what to do", async () => {
    const email = uniqueEmail("links");
    await f.as().auth.signUp({ email, password: PASSWORD, name: "Linda" });
    const token = confirmationTokenIn(f.mailbox, email);
    // Only the token's SHA-256 is stored.
    const stored = await f.db.prisma.emailConfirmation.findMany({ where: { user: { email } } });
    expect(stored.map((c) => c.tokenHash)).toEqual([createHash("sha256").update(token).digest("hex")]);
    await f.as().auth.confirmEmail({ token });
    const reused = await refusal(f.as().auth.confirmEmail({ token }), "BAD_REQUEST");
    expect(reused.message).toBe(
      "token: This confirmation link has already been used: sign in with your email and password",
    );

    const late = uniqueEmail("late");
    await f.as().auth.signUp({ email: late, password: PASSWORD, name: "Late" });
    await f.db.prisma.emailConfirmation.updateMany({
      where: { user: { email: late } },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await refusal(
      f.as().auth.confirmEmail({ token: confirmationTokenIn(f.mailbox, late) }),
      "BAD_REQUEST",
    );
    expect(expired.message).toBe(
      "token: This confirmation link has expired: sign up again with the same email to get a new one",
    );
    await refusal(signIn(late, PASSWORD), "PRECONDITION_FAILED");

    const forged = await refusal(f.as().auth.confirmEmail({ token: "A".repeat(43) }), "BAD_REQUEST");
    expect(forged.message).toMatch(/^token: This confirmation link is not valid/);
    const malformed = await refusal(f.as().auth.confirmEmail({ token: "../../etc" }), "BAD_REQUEST");
    expect((malformed.cause as ZodError).issues.map((i) => i.path.join("."))).toEqual(["token"]);
  });

  it("says an account is unconfirmed only to whoever knows its password", async () => {
    const email = uniqueEmail("pending");
    await f.as().auth.signUp({ email, password: PASSWORD, name: "Pending" });
    const wrong = await refusal(signIn(email, `${PASSWORD}!`), "UNAUTHORIZED");
    const unknown = await refusal(signIn(uniqueEmail("nobody"), `${PASSWORD}!`), "UNAUTHORIZED");
    expect(wrong.message).toBe(unknown.message);
    expect((await refusal(signIn(email, PASSWORD), "PRECONDITION_FAILED")).message).toBe(
      "Confirm your email address first: follow the link in the mail we sent you (sign up again for a new one)",
    );
  });

  it("gives an invited account that was never confirmed a one-time password, not the one typed at sign-up", async () => {
    const email = uniqueEmail("squatted");
    await f.as().auth.signUp({ email, password: PASSWORD, name: "Squatter" });
    const invitation = await f
      .as(await ownerPrincipal())
      .admin.staff.invite({ email, name: "Clerk", role: "support" });
    expect(invitation.temporaryPassword).toEqual(expect.any(String));
    await refusal(signIn(email, PASSWORD), "UNAUTHORIZED");
    expect(await signIn(email, invitation.temporaryPassword ?? "")).toMatchObject({ role: "support" });
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
    const me = await f.openAccount({ email, password: PASSWORD, name: "Sol" });
    const them = await f.openAccount({ email: other, password: PASSWORD, name: "Oth" });
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
    const shopper = await f.openAccount({ email, password: PASSWORD, name: "Loyal Shopper" });
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
