// The rules of who works here, as plain functions.
import { randomBytes } from "node:crypto";
import type { StaffRole } from "@emporium/auth";

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
