// Short-lived signed tokens from the apps' servers to the backends. The apps hold the user's session
// (next-auth); for each backend call they mint a token valid for a minute naming the user and role, and
// every backend verifies signature, issuer, audience and expiry before it trusts a word of it.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { errors, jwtVerify, SignJWT } from "jose";
import { z } from "zod";
import { ANONYMOUS, STAFF_ROLES, UnauthenticatedError, type Principal } from "./permissions";

export const TOKEN_ISSUER = "emporium-apps";
export const TOKEN_AUDIENCE = "emporium-backends";
export const DEFAULT_TOKEN_TTL_SECONDS = 60;

const claims = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("shopper"), sub: z.string().min(1), email: z.string() }),
  z.object({
    kind: z.literal("staff"),
    sub: z.string().min(1),
    email: z.string(),
    role: z.enum(STAFF_ROLES),
  }),
]);

export type SignedPrincipal = Exclude<Principal, { kind: "anonymous" }>;

/** A secret of at least 32 bytes, shared by the apps (which sign) and the backends (which verify). */
export function tokenKey(secret: string | Buffer): Uint8Array {
  const key = typeof secret === "string" ? Buffer.from(secret, "utf8") : secret;
  if (key.length < 32) throw new Error("the service token secret must be at least 32 bytes long");
  return new Uint8Array(key);
}

export async function signServiceToken(
  principal: SignedPrincipal,
  key: Uint8Array,
  ttlSeconds = DEFAULT_TOKEN_TTL_SECONDS,
): Promise<string> {
  const body =
    principal.kind === "staff"
      ? { kind: principal.kind, email: principal.email, role: principal.role }
      : { kind: principal.kind, email: principal.email };
  return new SignJWT(body)
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(principal.userId)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key);
}

/** Verifies a token; throws UnauthenticatedError saying why (expired, bad signature, malformed). */
export async function verifyServiceToken(token: string, key: Uint8Array): Promise<SignedPrincipal> {
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, key, {
      algorithms: ["HS256"],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      requiredClaims: ["exp", "sub"],
    }));
  } catch (err) {
    if (err instanceof errors.JWTExpired) throw new UnauthenticatedError("Your session token has expired");
    throw new UnauthenticatedError("Your session token is not valid");
  }
  const parsed = claims.safeParse(payload);
  if (!parsed.success) throw new UnauthenticatedError("Your session token is not valid");
  const c = parsed.data;
  return c.kind === "staff"
    ? { kind: "staff", userId: c.sub, email: c.email, role: c.role }
    : { kind: "shopper", userId: c.sub, email: c.email };
}

/**
 * The principal behind an HTTP `Authorization` header: anonymous without one; a verified principal
 * with a valid bearer token; UnauthenticatedError for a token that is present but not valid (a forged
 * or expired token is an error, never a silent downgrade to anonymous).
 */
export async function principalFromHeader(header: string | undefined, key: Uint8Array): Promise<Principal> {
  if (!header) return ANONYMOUS;
  const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(header);
  if (!match?.[1]) throw new UnauthenticatedError("The Authorization header must be 'Bearer <token>'");
  return verifyServiceToken(match[1], key);
}

/**
 * The shared service-token secret on a developer's machine: SERVICE_TOKEN_SECRET in production
 * (required there); with embedded defaults a random one is made once under the data folder so the
 * apps and the backends started by `npm run dev` agree — never a fixed secret every install shares.
 */
export function loadOrCreateDevSecret(dataDir: string, name: string): Buffer {
  const file = path.join(dataDir, "secrets", `${name}.key`);
  try {
    return Buffer.from(readFileSync(file, "utf8").trim(), "base64url");
  } catch {
    const secret = randomBytes(32);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, secret.toString("base64url"), { mode: 0o600 });
    return secret;
  }
}

/**
 * The key every process signs or verifies service tokens with: SERVICE_TOKEN_SECRET when set (always,
 * in production: every app and backend gets the same secret), otherwise the development secret kept
 * under the data folder that `npm run dev` shares between its processes.
 */
export function serviceTokenKey(secret: string | undefined, dataDir: string): Uint8Array {
  return tokenKey(secret ?? loadOrCreateDevSecret(dataDir, "service-token"));
}
