// What both apps' next-auth set-ups share: single sign-on with any OpenID Connect provider, configured
// by environment. next-auth runs the authorization-code flow with state and PKCE; the ID token it
// receives is handed to `toUser` (the identity service, which verifies the token itself and names the
// account), so the app never trusts the provider's claims on its own.
import type { NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { loadOrCreateDevSecret } from "./tokens";

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** What the sign-in button calls the provider ("Sign in with …"). */
  name: string;
}

export function oidcProvider<U extends User>(
  settings: OidcSettings,
  toUser: (idToken: string) => Promise<U>,
): OAuthConfig<Record<string, unknown>> {
  return {
    id: "oidc",
    name: settings.name,
    type: "oauth",
    wellKnown: `${settings.issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    async profile(_claims, tokens) {
      if (!tokens.id_token) throw new Error("The provider sent no ID token");
      return toUser(tokens.id_token);
    },
  };
}

/**
 * The session cookie's key: the configured one, or in development a random one kept under the data
 * folder. Production without one gets undefined, and next-auth refuses to start — on purpose.
 */
export function sessionSecret(
  configured: string | undefined,
  dataDir: string,
  name: string,
): string | undefined {
  if (configured) return configured;
  return process.env.NODE_ENV === "production"
    ? undefined
    : loadOrCreateDevSecret(dataDir, name).toString("base64url");
}

/** Email and password, both required, checked by `check` (the identity service, argon2id there). */
export function passwordProvider<U extends User>(check: (email: string, password: string) => Promise<U>) {
  return CredentialsProvider({
    name: "Email and password",
    credentials: {
      email: { label: "Email", type: "email" },
      password: { label: "Password", type: "password" },
    },
    authorize: async (credentials) => {
      const email = credentials?.email?.trim() ?? "";
      const password = credentials?.password ?? "";
      if (!email || !password) throw new Error("Enter your email and password.");
      return check(email, password);
    },
  });
}

/**
 * next-auth's cookies under names of the app's own ("emporium-admin.session-token"): with next-auth's
 * defaults both apps set "next-auth.session-token", and cookies ignore ports, so on one host (localhost
 * in development, or one domain) signing in to one app signed the other out. Over HTTPS (an https
 * NEXTAUTH_URL, as next-auth itself decides) they are Secure, and those the app alone reads carry the
 * __Host- prefix (host-only, path /, never a Domain attribute).
 */
export function appCookies(
  app: "shop" | "admin",
  url = process.env.NEXTAUTH_URL,
): NextAuthOptions["cookies"] {
  const secure = url?.startsWith("https://") ?? false;
  const host = secure ? "__Host-" : "";
  const securePrefix = secure ? "__Secure-" : "";
  const base = { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
  const brief = { ...base, maxAge: 15 * 60 };
  return {
    sessionToken: { name: `${host}emporium-${app}.session-token`, options: base },
    csrfToken: { name: `${host}emporium-${app}.csrf-token`, options: base },
    callbackUrl: {
      name: `${host}emporium-${app}.callback-url`,
      options: { sameSite: "lax", path: "/", secure },
    },
    pkceCodeVerifier: { name: `${securePrefix}emporium-${app}.pkce.code_verifier`, options: brief },
    state: { name: `${securePrefix}emporium-${app}.state`, options: brief },
    nonce: { name: `${securePrefix}emporium-${app}.nonce`, options: base },
  };
}
