// Sending mail to people: the confirmation link of a new account, the notice that someone tried to
// open an account with an address that has one. Plain text, one recipient per mail; the sender is
// configured once (MAIL_FROM). Throws when the mail could not be handed over for delivery.

import type { Mail } from "../domain/types";

export type { Mail };

export interface Mailer {
  /** Hands the mail over for delivery; throws MailNotSentError when it could not. */
  send(mail: Mail): Promise<void>;
  /** Releases connections (after the server has stopped). */
  close(): Promise<void>;
}

/** The mail could not be handed over (the server refused it, or could not be reached in time). */
export class MailNotSentError extends Error {
  override name = "MailNotSentError";
}

/** A mail as a mailbox holds it. */
export interface ReceivedMail extends Mail {
  id: string;
  from: string;
  /** ISO time it was sent. */
  sentAt: string;
}

/** A mailbox whose mails can be read back (the embedded dev mailbox). */
export interface ReadableMailbox {
  /** The mails kept, newest first; only those to `to` when given. */
  recent(to?: string): ReceivedMail[];
}

/** How identity mails people, and where its links lead. */
export interface IdentityMail {
  mailer: Mailer;
  /** The dev mailbox when it is the mailer and anyone may read it through the API; null otherwise. */
  readableMailbox: ReadableMailbox | null;
  /** The storefront's public address: confirmation and sign-in links lead there. */
  storefrontUrl: string;
  /** How long a confirmation link works. */
  confirmationTtlSeconds: number;
}
