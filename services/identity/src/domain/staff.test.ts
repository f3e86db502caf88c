import { MIN_PASSWORD_LENGTH } from "@emporium/auth";
import { describe, expect, it } from "vitest";
import { auditChanges } from "@emporium/contracts";
import {
  keepsAnOwner,
  normalizeEmail,
  staffAuditRecord,
  staffChangeAction,
  temporaryPassword,
} from "./staff";

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

describe("staff changes in the audit log", () => {
  const account = { id: "5d0c6a1e-1111-4a4a-8b8b-222222222222", email: "ada@example.com", name: "Ada" };

  it("names joining, leaving and moving within the staff", () => {
    expect(staffChangeAction(null, "support")).toBe("staff-member.created");
    expect(staffChangeAction("manager", null)).toBe("staff-member.removed");
    expect(staffChangeAction("support", "manager")).toBe("staff-member.role-changed");
    expect(staffChangeAction("manager", "manager")).toBe("staff-member.role-changed");
  });

  it("records the account by email, and a one-time password only as having been issued", () => {
    const record = staffAuditRecord(null, { ...account, role: "manager" }, { temporaryPasswordIssued: true });
    expect(record).toMatchObject({
      action: "staff-member.created",
      target: { type: "staff-member", id: account.id, label: "ada@example.com" },
    });
    expect(auditChanges(record.before, record.after)).toEqual([
      { field: "email", before: null, after: "ada@example.com" },
      { field: "name", before: null, after: "Ada" },
      { field: "role", before: null, after: "manager" },
      { field: "temporaryPasswordIssued", before: null, after: true },
    ]);
  });

  it("records a role change as the role alone", () => {
    const record = staffAuditRecord({ ...account, role: "support" }, { ...account, role: null });
    expect(record.action).toBe("staff-member.removed");
    expect(auditChanges(record.before, record.after)).toEqual([
      { field: "role", before: "support", after: null },
    ]);
  });
});
