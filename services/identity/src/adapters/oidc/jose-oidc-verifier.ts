// ID tokens verified with jose against the provider's key set, found through its discovery document
// (fetched once, then cached; jose refreshes the keys itself when the provider rotates them).
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from "jose";
import { z } from "zod";
import { InvalidIdTokenError, type OidcIdentity, type OidcVerifier } from "../../ports/oidc-verifier";

const discovery = z.object({ issuer: z.string(), jwks_uri: z.url() });
const claims = z.object({
  sub: z.string().min(1).max(255),
  email: z.string().max(254).optional(),
  email_verified: z.union([z.boolean(), z.enum(["true", "false"])]).optional(),
  name: z.string().max(200).optional(),
});

export interface JoseOidcVerifierOptions {
  issuer: string;
  /** The client ids the apps are registered under; a token for any other audience is refused. */
  clientIds: string[];
  /** Deadline for the discovery and key-set requests (default 5 s). */
  timeoutMs?: number;
}

export class JoseOidcVerifier implements OidcVerifier {
  readonly issuer: string;
  private keys: Promise<JWTVerifyGetKey> | null = null;

  constructor(private readonly options: JoseOidcVerifierOptions) {
    this.issuer = options.issuer;
  }

  private keySet(): Promise<JWTVerifyGetKey> {
    this.keys ??= (async () => {
      const url = `${this.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`;
      const response = await fetch(url, { signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000) });
      if (!response.ok) throw new Error(`OIDC discovery at ${url} answered ${response.status}`);
      const doc = discovery.parse(await response.json());
      if (doc.issuer !== this.issuer)
        throw new Error(`OIDC discovery names issuer ${doc.issuer}, not the configured ${this.issuer}`);
      return createRemoteJWKSet(new URL(doc.jwks_uri), { timeoutDuration: this.options.timeoutMs ?? 5_000 });
    })().catch((err: unknown) => {
      this.keys = null; // try discovery again on the next sign-in
      throw err;
    });
    return this.keys;
  }

  async verify(idToken: string): Promise<OidcIdentity> {
    const keys = await this.keySet();
    let payload;
    try {
      ({ payload } = await jwtVerify(idToken, keys, {
        issuer: this.issuer,
        audience: this.options.clientIds,
        requiredClaims: ["sub", "exp", "iat"],
        clockTolerance: 30,
      }));
    } catch (err) {
      if (err instanceof errors.JOSEError)
        throw new InvalidIdTokenError(`The ID token was refused: ${err.code}`);
      throw err;
    }
    const c = claims.safeParse(payload);
    if (!c.success) throw new InvalidIdTokenError("The ID token's claims are not usable");
    return {
      issuer: this.issuer,
      subject: c.data.sub,
      email: c.data.email?.trim().toLowerCase() || null,
      emailVerified: c.data.email_verified === true || c.data.email_verified === "true",
      name: c.data.name?.trim() || null,
    };
  }
}
