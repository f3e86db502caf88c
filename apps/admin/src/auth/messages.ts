// What the sign-in page says, shared by the server (next-auth's callbacks) and the form in the browser.
// next-auth hands whatever a sign-in threw to the sign-in page as `?error=<message>`, where anyone can
// type anything: so the server throws only codes (@emporium/auth/sign-in-codes and NOT_STAFF_ERROR),
// and the page shows only its own words for them — never the text of the link.
import { BAD_CREDENTIALS, limitedWaitOf, SIGN_IN_UNAVAILABLE } from "@emporium/auth/sign-in-codes";
import { whenToRetry } from "@emporium/ui/wait";

export const NOT_STAFF_MESSAGE = "This account is not a staff account. Shoppers sign in at the storefront.";
export const BAD_CREDENTIALS_MESSAGE = "Email or password is incorrect.";
export const SIGN_IN_FAILED_MESSAGE = "Sign-in failed; please try again.";
/** The sign-in page's `error` code for NOT_STAFF_MESSAGE. */
export const NOT_STAFF_ERROR = "NotStaff";

/** next-auth's error codes and ours as sentences (a limited sign-in has its own, with the wait). */
const SIGN_IN_ERRORS: ReadonlyMap<string, string> = new Map([
  [BAD_CREDENTIALS, BAD_CREDENTIALS_MESSAGE],
  // What @emporium/auth's password provider throws for an empty field, as it throws it.
  ["Enter your email and password.", "Enter your email and password."],
  [SIGN_IN_UNAVAILABLE, "Sign-in is unavailable right now; please try again in a moment."],
  ["SessionRequired", "Sign in to continue."],
  [NOT_STAFF_ERROR, NOT_STAFF_MESSAGE],
  ["OAuthSignin", "Single sign-on could not start; please try again."],
  ["OAuthCallback", "Single sign-on did not complete; please try again."],
  ["Callback", "Single sign-on did not complete; please try again."],
  ["AccessDenied", NOT_STAFF_MESSAGE],
]);

/** What the sign-in page says for an `?error=` code: words of ours for known codes, a plain failure else. */
export function signInErrorMessage(code: string): string {
  const wait = limitedWaitOf(code);
  if (wait !== undefined) return `Too many sign-in attempts. Please try again ${whenToRetry(wait)}.`;
  return SIGN_IN_ERRORS.get(code) ?? SIGN_IN_FAILED_MESSAGE;
}
