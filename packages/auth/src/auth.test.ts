import { describe, expect, it } from "vitest";
import { SignJWT } from "jose";
import {
  authorize,
  can,
  ForbiddenError,
  PERMISSIONS,
  permissionTable,
  principalFromHeader,
  signServiceToken,
  STAFF_ROLES,
  tokenKey,
  UnauthenticatedError,
  verifyServiceToken,
  type Principal,
} from "./index";
import { hashPassword, verifyPassword } from "./passwords";

const key = tokenKey("a-test-secret-that-is-long-enough-for-hs256");
const manager: Principal = { kind: "staff", userId: "u1", email: "m@example.com", role: "manager" };

describe("permission matrix", () => {
  it("gives owners every permission and nobody outside staff any", () => {
    for (const p of PERMISSIONS) {
      expect(can({ kind: "staff", userId: "o", email: "o@x", role: "owner" }, p)).toBe(true);
      expect(can({ kind: "shopper", userId: "s", email: "s@x" }, p)).toBe(false);
      expect(can({ kind: "anonymous" }, p)).toBe(false);
    }
  });

  it("keeps price changes and staff management away from support", () => {
    const support: Principal = { kind: "staff", userId: "s", email: "s@x", role: "support" };
    expect(can(support, "catalog.products.read")).toBe(true);
    expect(can(support, "catalog.prices.write")).toBe(false);
    expect(can(manager, "catalog.prices.write")).toBe(true);
    expect(can(manager, "staff.manage")).toBe(false);
  });

  it("lets owners alone read the staff audit log", () => {
    const roles = (["owner", "manager", "support"] as const).filter((role) =>
      can({ kind: "staff", userId: "u", email: "u@x", role }, "audit.read"),
    );
    expect(roles).toEqual(["owner"]);
  });

  it("throws 401 for anonymous callers and 403 for the wrong role", () => {
    expect(() => authorize({ kind: "anonymous" }, "orders.read")).toThrow(UnauthenticatedError);
    expect(() => authorize({ kind: "shopper", userId: "s", email: "s@x" }, "orders.read")).toThrow(
      ForbiddenError,
    );
    expect(() => authorize(manager, "staff.manage")).toThrow(/staff\.manage is required/);
    expect(authorize(manager, "orders.refund")).toEqual(manager);
  });

  it("renders the matrix with one row per permission", () => {
    const table = permissionTable();
    expect(table.split("\n")).toHaveLength(PERMISSIONS.length + 2);
    expect(table).toContain(`| ${STAFF_ROLES.join(" | ")} |`);
    expect(table).toContain("| `staff.manage` | yes | — | — |");
  });
});

describe("service tokens", () => {
  it("round-trips staff and shopper principals", async () => {
    expect(await verifyServiceToken(await signServiceToken(manager, key), key)).toEqual(manager);
    const shopper = { kind: "shopper", userId: "s1", email: "s@example.com" } as const;
    expect(await principalFromHeader(`Bearer ${await signServiceToken(shopper, key)}`, key)).toEqual(shopper);
  });

  it("treats a missing header as anonymous but a bad one as an error", async () => {
    expect(await principalFromHeader(undefined, key)).toEqual({ kind: "anonymous" });
    await expect(principalFromHeader("Basic abc", key)).rejects.toThrow(/Bearer/);
    await expect(principalFromHeader("Bearer not.a.token", key)).rejects.toThrow(UnauthenticatedError);
  });

  it("refuses tokens signed with another key, expired, or with a forged role", async () => {
    const other = tokenKey("another-secret-that-is-also-long-enough!!");
    await expect(verifyServiceToken(await signServiceToken(manager, other), key)).rejects.toThrow(
      /not valid/,
    );
    const expired = await new SignJWT({ kind: "staff", email: "m@x", role: "owner" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("u1")
      .setIssuer("emporium-apps")
      .setAudience("emporium-backends")
      .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
      .sign(key);
    await expect(verifyServiceToken(expired, key)).rejects.toThrow(/expired/);
    const badRole = await new SignJWT({ kind: "staff", email: "m@x", role: "god" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("u1")
      .setIssuer("emporium-apps")
      .setAudience("emporium-backends")
      .setExpirationTime("1m")
      .sign(key);
    await expect(verifyServiceToken(badRole, key)).rejects.toThrow(/not valid/);
  });

  it("refuses a short secret", () => {
    expect(() => tokenKey("short")).toThrow(/32 bytes/);
  });
});

describe("passwords", () => {
  it("hashes with argon2id and verifies only the right password", async () => {
    const stored = await hashPassword("correct horse battery");
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, "correct horse battery")).toBe(true);
    expect(await verifyPassword(stored, "wrong horse battery")).toBe(false);
    expect(await verifyPassword("plain-text", "plain-text")).toBe(false);
  });
});
