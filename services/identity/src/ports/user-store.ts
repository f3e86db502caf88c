// What the identity service needs from its database: accounts by email, staff, and role changes that
// keep the shop with an owner — each staff change written together with its audit event.
import type { StaffRole } from "@emporium/auth";
import type { OutboxMessage } from "@emporium/messaging";

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  /** argon2id; null for an account without a password. */
  passwordHash: string | null;
  role: StaffRole | null;
  lastSignInAt: Date | null;
  /** Sessions carry the version they were issued at; signing out raises it, ending them all. */
  sessionVersion: number;
}

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string | null;
  role: StaffRole | null;
}

/**
 * The audit event of a staff change, made from the account as it was (null: it is new) and as the
 * change left it. The store writes it into identity's outbox in the transaction that makes the change,
 * so the audit log holds exactly the changes that were committed; a refused change writes none.
 */
export type AuditOf = (before: UserRecord | null, after: UserRecord) => OutboxMessage;

export interface UserStore {
  byEmail(email: string): Promise<UserRecord | null>;
  /** Throws ConflictError when the email already has an account. */
  create(user: NewUser, audit?: AuditOf): Promise<UserRecord>;
  recordSignIn(id: string, at: Date): Promise<UserRecord>;
  byId(id: string): Promise<UserRecord | null>;
  /** The account a provider identity (issuer + subject) is linked to. */
  byOidc(issuer: string, subject: string): Promise<UserRecord | null>;
  /** Links a provider identity to an account (again is harmless). */
  linkOidc(userId: string, issuer: string, subject: string): Promise<void>;
  /** Raises the account's session version (ends its sessions); false for an unknown account. */
  endSessions(id: string): Promise<boolean>;
  /** Accounts with a staff role, by email. */
  listStaff(): Promise<UserRecord[]>;
  /** Whether any account holds the owner role (a new shop has none until its first owner is made). */
  hasOwner(): Promise<boolean>;
  /**
   * Gives a shopper a staff role (and a password hash, when given). Throws ConflictError when the
   * account is no longer a shopper, NotFoundError when it is gone.
   */
  promoteShopper(
    id: string,
    role: StaffRole,
    passwordHash: string | undefined,
    audit?: AuditOf,
  ): Promise<UserRecord>;
  /**
   * Sets an account's role (null: back to shopper). Throws NotFoundError for an unknown account and
   * InvalidInputError when it would leave the shop without an owner.
   */
  setRole(id: string, role: StaffRole | null, audit?: AuditOf): Promise<UserRecord>;
}
