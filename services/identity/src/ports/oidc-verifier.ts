// Checking an ID token from the configured OpenID Connect provider. The apps run the browser flow
// (state, PKCE) and hand the ID token over; identity trusts nothing the apps say about the person and
// verifies the token itself: signature against the provider's published keys, issuer, audience, expiry.

export interface OidcIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  /** Whether the provider vouches for the email; only a verified email links to an existing account. */
  emailVerified: boolean;
  name: string | null;
}

export interface OidcVerifier {
  /** The provider's issuer URL, as configured. */
  readonly issuer: string;
  /** Throws InvalidIdTokenError for a token that is not a valid, current token for one of our clients. */
  verify(idToken: string): Promise<OidcIdentity>;
}

export class InvalidIdTokenError extends Error {
  override name = "InvalidIdTokenError";
}
