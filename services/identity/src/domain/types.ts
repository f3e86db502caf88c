// What the identity service answers with. Timestamps are ISO strings, as they travel over HTTP.
import type { StaffRole } from "@emporium/auth";

/** An account as the apps' sign-in sees it: who signed in, and with which staff role (null: a shopper). */
export interface Account {
  id: string;
  email: string;
  name: string;
  role: StaffRole | null;
}

/** What sign-in answers: the account, and the session version the app's session must carry. */
export interface SignedIn extends Account {
  sessionVersion: number;
}

/**
 * What sign-up answers, the same whether or not the address already had an account: a mail went to
 * it (a confirmation link, or a notice that the address has an account).
 */
export interface SignUpAnswer {
  email: string;
  confirmationSent: true;
}

/** A mail to one person: plain text (the sender is the service's MAIL_FROM). */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** A mail in the dev mailbox, as devMailbox.recent answers it. */
export interface DevMail {
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  sentAt: string;
}

/** What a session check answers: the account's current role and session version. */
export interface SessionState {
  role: StaffRole | null;
  sessionVersion: number;
}

/** A row of the staff list. */
export interface StaffMember extends Account {
  lastSignInAt: string | null;
}

export interface Invitation {
  member: StaffMember;
  /**
   * A one-time password for an account that had none (a new one), to hand to the new colleague; it is
   * stored only as its hash. Null when an existing account with a password was promoted.
   */
  temporaryPassword: string | null;
}
