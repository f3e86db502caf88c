// What the account pages say about signing in, shared by the server and the forms in the browser.
// next-auth hands whatever a sign-in threw to the sign-in page as `?error=<message>`, where anyone can
// type anything: so the server throws only the codes of @emporium/auth/sign-in-codes, and the page
// shows only its own words for them — never the text of the link.
import { TRPCClientError } from "@trpc/client";
import {
  BAD_CREDENTIALS,
  EMAIL_NOT_CONFIRMED,
  limitedWaitOf,
  signInLimitedCode,
  SIGN_IN_UNAVAILABLE,
} from "@emporium/auth/sign-in-codes";
import { tooManyMessage, tooManyRequestsOf } from "@/trpc/too-many-requests";

export const BAD_CREDENTIALS_MESSAGE = "Email or password is incorrect.";
export const SIGN_IN_FAILED_MESSAGE = "Sign-in failed; please try again.";
export const EMAIL_NOT_CONFIRMED_MESSAGE =
  "Confirm your email address first: follow the link in the mail we sent you. No mail? Create the account again with the same email for a new link.";

/** next-auth's error codes and ours as sentences (a limited sign-in has its own, with the wait). */
const SIGN_IN_ERRORS: ReadonlyMap<string, string> = new Map([
  [BAD_CREDENTIALS, BAD_CREDENTIALS_MESSAGE],
  [EMAIL_NOT_CONFIRMED, EMAIL_NOT_CONFIRMED_MESSAGE],
  // What @emporium/auth's password provider throws for an empty field, as it throws it.
  ["Enter your email and password.", "Enter your email and password."],
  [SIGN_IN_UNAVAILABLE, "Sign-in is unavailable right now; please try again in a moment."],
  ["SessionRequired", "Sign in to continue."],
  ["OAuthSignin", "Single sign-on could not start; please try again."],
  ["OAuthCallback", "Single sign-on did not complete; please try again."],
  ["Callback", "Single sign-on did not complete; please try again."],
  ["AccessDenied", "This account cannot sign in here."],
]);

/** Why identity refused a password sign-in, as the code the sign-in page understands. */
export function signInFailureCode(error: unknown): string {
  const limited = tooManyRequestsOf(error);
  if (limited) return signInLimitedCode(limited.retryAfterSeconds);
  if (error instanceof TRPCClientError && ["UNAUTHORIZED", "BAD_REQUEST"].includes(String(error.data?.code)))
    return BAD_CREDENTIALS;
  // Identity says so only once the password matched.
  if (error instanceof TRPCClientError && error.data?.code === "PRECONDITION_FAILED")
    return EMAIL_NOT_CONFIRMED;
  return SIGN_IN_UNAVAILABLE;
}

/** What the sign-in page says for an `?error=` code: words of ours for known codes, a plain failure else. */
export function signInErrorMessage(code: string): string {
  const wait = limitedWaitOf(code);
  if (wait !== undefined) return tooManyMessage("sign-in", wait);
  return SIGN_IN_ERRORS.get(code) ?? SIGN_IN_FAILED_MESSAGE;
}
