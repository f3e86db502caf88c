// Confirmation links: a random token (32 bytes, base64url) goes in the mail; only its SHA-256 is
// stored, so the table cannot be used to confirm anyone's address. The mails a sign-up sends: the
// link for a new (or still unconfirmed) account, or — when the address already has an account — a
// notice saying someone tried, since the sign-up answers the same either way.
import { createHash, randomBytes } from "node:crypto";
import type { Mail } from "./types";

/** A confirmation token as it travels in a link: 32 random bytes, base64url (43 characters). */
export const CONFIRMATION_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function hashConfirmationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newConfirmationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashConfirmationToken(token) };
}

/** Where a confirmation link leads: the storefront's confirm page, carrying the token. */
export function confirmationLink(storefrontUrl: string, token: string): string {
  const url = new URL("/account/confirm", storefrontUrl);
  url.searchParams.set("token", token);
  return url.toString();
}

function hoursOf(seconds: number): string {
  const hours = Math.max(1, Math.round(seconds / 3600));
  return hours === 1 ? "1 hour" : `${hours} hours`;
}

export const CONFIRMATION_SUBJECT = "Confirm your Emporium account";
export const ACCOUNT_EXISTS_SUBJECT = "Someone tried to create an Emporium account with your address";

export function confirmationMail(to: string, name: string, link: string, ttlSeconds: number): Mail {
  return {
    to,
    subject: CONFIRMATION_SUBJECT,
    text: [
      `Hello ${name},`,
      "",
      "Confirm your email address to start using your Emporium account:",
      "",
      link,
      "",
      `The link works once, for ${hoursOf(ttlSeconds)}. If you did not create this account, ignore this mail: without confirmation nobody can sign in to it.`,
    ].join("\n"),
  };
}

export function accountExistsMail(to: string, storefrontUrl: string): Mail {
  return {
    to,
    subject: ACCOUNT_EXISTS_SUBJECT,
    text: [
      "Hello,",
      "",
      "Someone just tried to create an Emporium account with this email address, which already has one.",
      "",
      `If it was you, sign in instead: ${new URL("/account/sign-in", storefrontUrl).toString()}`,
      "If you have forgotten your password, reply to this mail and we will help you back in.",
      "",
      "If it was not you, you need do nothing: your account is unchanged.",
    ].join("\n"),
  };
}
