// The first-owner command's rules on PGlite and PostgreSQL: an owner for an empty shop (new account
// or promoted shopper), never a second one, and bad input named by field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseTargets } from "@emporium/db/testing";
import { ConflictError, InvalidInputError } from "@emporium/service-kit/errors";
import { createFirstOwner } from "../src/app/first-owner";
import { createIdentityFixture, type IdentityFixture } from "./fixture";

describe.each(testDatabaseTargets("identity first owner"))("first owner on $name", (target) => {
  let f: IdentityFixture;
  beforeAll(async () => {
    f = await createIdentityFixture(target);
  });
  afterAll(() => f?.dispose());

  it("promotes a shopper on an empty shop, then refuses a second owner", async () => {
    await expect(
      createFirstOwner(f.service.base.users, { email: "not-an-email", name: "X" }),
    ).rejects.toThrow(InvalidInputError);
    await expect(
      createFirstOwner(f.service.base.users, { email: "a@example.com", name: "  " }),
    ).rejects.toMatchObject({
      field: "name",
    });

    const shopper = await f.openAccount({
      email: "first@example.com",
      password: "a-long-password",
      name: "Fay",
    });
    const owner = await createFirstOwner(f.service.base.users, { email: " First@Example.com ", name: "Fay" });
    // The promoted shopper keeps the password they chose; no one-time password is made.
    expect(owner).toEqual({ email: "first@example.com", temporaryPassword: null });
    const signedIn = await f.as().auth.signIn({ email: "first@example.com", password: "a-long-password" });
    expect(signedIn).toMatchObject({ id: shopper.id, role: "owner" });

    await expect(
      createFirstOwner(f.service.base.users, { email: "second@example.com", name: "Sid" }),
    ).rejects.toThrow(ConflictError);
    expect(await f.db.prisma.user.count({ where: { email: "second@example.com" } })).toBe(0);
  });

  it("gives a new account a one-time password that signs in", async () => {
    await f.db.prisma.user.updateMany({ where: { staffRole: "owner" }, data: { staffRole: null } });
    const owner = await createFirstOwner(f.service.base.users, {
      email: "new.owner@example.com",
      name: "Nia",
    });
    expect(owner.temporaryPassword?.length).toBeGreaterThanOrEqual(16);
    const signedIn = await f
      .as()
      .auth.signIn({ email: owner.email, password: owner.temporaryPassword ?? "" });
    expect(signedIn.role).toBe("owner");
  });
});
