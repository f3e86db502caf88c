import { MIN_PASSWORD_LENGTH } from "@emporium/auth";
import { describe, expect, it } from "vitest";
import { keepsAnOwner, normalizeEmail, temporaryPassword } from "./staff";

describe("keepsAnOwner", () => {
  it("refuses to take the role from the only owner", () => {
    expect(keepsAnOwner("owner", "manager", 1)).toBe(false);
    expect(keepsAnOwner("owner", null, 1)).toBe(false);
  });

  it("lets an owner go while another remains", () => {
    expect(keepsAnOwner("owner", "support", 2)).toBe(true);
  });

  it("does not care about changes that leave the owners as they are", () => {
    expect(keepsAnOwner("owner", "owner", 1)).toBe(true);
    expect(keepsAnOwner("manager", null, 1)).toBe(true);
    expect(keepsAnOwner(null, "owner", 0)).toBe(true);
  });
});

describe("temporaryPassword", () => {
  it("is long enough to be a password and different every time", () => {
    const passwords = new Set(Array.from({ length: 100 }, temporaryPassword));
    expect(passwords.size).toBe(100);
    for (const p of passwords) {
      expect(p.length).toBeGreaterThanOrEqual(Math.max(16, MIN_PASSWORD_LENGTH));
      expect(p).toMatch(/^[A-Za-z0-9_-]+$/);
    }
  });
});

describe("normalizeEmail", () => {
  it("lower-cases and trims", () => {
    expect(normalizeEmail("  Ada.Lovelace@Example.COM ")).toBe("ada.lovelace@example.com");
  });
});
