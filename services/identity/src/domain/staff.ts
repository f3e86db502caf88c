// The rules of who works here, and how a change to the staff reads in the audit log, as plain functions.
import { randomBytes } from "node:crypto";
import type { StaffRole } from "@emporium/auth";
import type { AuditRecord } from "@emporium/contracts";

/**
 * Whether giving `next` to an account that now has `current` leaves the shop with an owner, given how
 * many owners there are now (someone must always be able to manage staff).
 */
export function keepsAnOwner(current: StaffRole | null, next: StaffRole | null, owners: number): boolean {
  return current !== "owner" || next === "owner" || owners > 1;
}

/** 24 URL-safe characters (144 random bits): handed over once, changed at the first sign-in. */
export function temporaryPassword(): string {
  return randomBytes(18).toString("base64url");
}

/** Emails are compared and stored lower-cased, without surrounding spaces. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** An account as a staff change's audit record sees it: never its password or hash. */
export interface AuditedAccount {
  id: string;
  email: string;
  name: string;
  role: StaffRole | null;
}

/**
 * What a change of staff role is called in the audit log: joining the staff (an invitation, or a
 * shopper given a role), leaving it (the account stays, as a shopper's), or moving within it.
 */
export function staffChangeAction(before: StaffRole | null, after: StaffRole | null): string {
  if (before === null && after !== null) return "staff-member.created";
  if (before !== null && after === null) return "staff-member.removed";
  return "staff-member.role-changed";
}

/**
 * The audit record of a change to an account's place on the staff: its email, name and role before
 * (null for a new account) and after, on the staff member by id, labelled with the email. Whether a
 * one-time password was issued is recorded; the password and its hash never are.
 */
export function staffAuditRecord(
  before: AuditedAccount | null,
  after: AuditedAccount,
  o: { temporaryPasswordIssued?: boolean } = {},
): AuditRecord {
  const fields = (a: AuditedAccount) => ({ email: a.email, name: a.name, role: a.role });
  return {
    action: staffChangeAction(before?.role ?? null, after.role),
    target: { type: "staff-member", id: after.id, label: after.email },
    before: before && fields(before),
    after: { ...fields(after), ...(o.temporaryPasswordIssued ? { temporaryPasswordIssued: true } : {}) },
  };
}
