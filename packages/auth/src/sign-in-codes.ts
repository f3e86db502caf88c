// The codes a password sign-in throws into next-auth, which hands them to the sign-in page as
// `?error=<code>`. Anyone can put any text in that link, so both apps throw only codes and their
// sign-in pages show their own words for known codes and a plain failure for anything else — never the
// link's text. Pure: the sign-in forms in the browser read these too.

/** next-auth's own code for refused credentials. */
export const BAD_CREDENTIALS = "CredentialsSignin";
/** Identity could not answer the sign-in. */
export const SIGN_IN_UNAVAILABLE = "SignInUnavailable";
/** The password was right, but the account's email address has not been confirmed yet. */
export const EMAIL_NOT_CONFIRMED = "EmailNotConfirmed";
/** Identity refused for too many attempts: "SignInLimited", or with the wait "SignInLimited-840". */
export const SIGN_IN_LIMITED = "SignInLimited";

const LIMITED_CODE = new RegExp(`^${SIGN_IN_LIMITED}(?:-(\\d{1,6}))?$`);

/** The code of a sign-in limited for `retryAfterSeconds` (none when identity did not say). */
export function signInLimitedCode(retryAfterSeconds: number | null): string {
  return retryAfterSeconds === null ? SIGN_IN_LIMITED : `${SIGN_IN_LIMITED}-${Math.ceil(retryAfterSeconds)}`;
}

/**
 * For a limited sign-in's code, how long to wait: seconds, or null when the code does not say; for any
 * other code, undefined.
 */
export function limitedWaitOf(code: string): number | null | undefined {
  const limited = LIMITED_CODE.exec(code);
  if (!limited) return undefined;
  return limited[1] ? Number(limited[1]) : null;
}
