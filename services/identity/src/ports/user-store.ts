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
  /** When the address was confirmed (the link in the sign-up mail followed); null until then. */
  emailConfirmedAt: Date | null;
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
/** A confirmation link's token as stored: its SHA-256 only, and until when it works. */
export interface ConfirmationToken {
  tokenHash: string;
  expiresAt: Date;
}

/**
 * What a sign-up did: opened a new unconfirmed account, renewed one still unconfirmed (its name and
 * password replaced, earlier links voided), or nothing, since the address has a confirmed account.
 */
export type SignUpOutcome = "opened" | "renewed" | "taken";

/** Why a confirmation link was refused: nothing stored has its token, it was used, or it expired. */
export type ConfirmationRefusal = "unknown" | "used" | "expired";

export type AuditOf = (before: UserRecord | null, after: UserRecord) => OutboxMessage;

export interface UserStore {
  byEmail(email: string): Promise<UserRecord | null>;
  /**
   * Makes an account whose address counts as confirmed (staff, single sign-on, development accounts).
   * Throws ConflictError when the email already has an account.
   */
  create(user: NewUser, audit?: AuditOf): Promise<UserRecord>;
  /**
   * A shopper's sign-up: an unconfirmed account with the confirmation link's token, in one transaction.
   * An address whose account is still unconfirmed gets the new name, password and token instead (the
   * earlier links stop working); an address with a confirmed account is left as it is.
   */
  signUp(user: Omit<NewUser, "role">, token: ConfirmationToken): Promise<SignUpOutcome>;
  /**
   * Uses a confirmation token (once, before it expires) and confirms its account's address; answers
   * the account, or why the token was refused.
   */
  confirmEmail(tokenHash: string, now: Date): Promise<UserRecord | ConfirmationRefusal>;
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
   * Gives a shopper a staff role (and a password hash, when given), confirming the address (the owner
   * vouches for it). Throws ConflictError when the
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
