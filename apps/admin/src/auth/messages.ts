// What the sign-in page says, shared by the server (next-auth's callbacks) and the form in the browser.

export const NOT_STAFF_MESSAGE = "This account is not a staff account. Shoppers sign in at the storefront.";
export const BAD_CREDENTIALS_MESSAGE = "Email or password is incorrect.";
/** The sign-in page's `error` code for NOT_STAFF_MESSAGE. */
export const NOT_STAFF_ERROR = "NotStaff";

/** next-auth's error codes (and ours) as sentences; anything else is shown as it came. */
export const SIGN_IN_ERRORS: Record<string, string> = {
  CredentialsSignin: BAD_CREDENTIALS_MESSAGE,
  SessionRequired: "Sign in to continue.",
  [NOT_STAFF_ERROR]: NOT_STAFF_MESSAGE,
  OAuthSignin: "Single sign-on could not start; please try again.",
  OAuthCallback: "Single sign-on did not complete; please try again.",
  Callback: "Single sign-on did not complete; please try again.",
  AccessDenied: NOT_STAFF_MESSAGE,
};
