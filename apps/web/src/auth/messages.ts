// What the account pages say about signing in, shared by the server and the forms in the browser.

export const BAD_CREDENTIALS_MESSAGE = "Email or password is incorrect.";

/** next-auth's error codes as sentences; anything else is shown as it came. */
export const SIGN_IN_ERRORS: Record<string, string> = {
  CredentialsSignin: BAD_CREDENTIALS_MESSAGE,
  SessionRequired: "Sign in to continue.",
  OAuthSignin: "Single sign-on could not start; please try again.",
  OAuthCallback: "Single sign-on did not complete; please try again.",
  Callback: "Single sign-on did not complete; please try again.",
};

/** Only paths on this site, so a crafted link cannot send a shopper elsewhere after signing in. */
export function safeReturnPath(value: string | null | undefined, fallback = "/account"): string {
  return value && /^\/(?![/\\])[\w\-./?=&%]*$/.test(value) ? value : fallback;
}
