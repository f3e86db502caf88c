// Shopper sign-in for the storefront (next-auth): email + password checked by the identity service
// (argon2id there), or any OpenID Connect provider by configuration (state + PKCE; identity verifies
// the ID token itself). The session cookie is HttpOnly, SameSite=Lax and Secure over HTTPS; the
// session is checked with identity on every use, so signing out ends every copy of it at once.
import type { NextAuthOptions, User } from "next-auth";
import { appCookies, oidcProvider, passwordProvider, sessionSecret } from "@emporium/auth/next-auth";
import { createIdentityClient } from "@emporium/identity/client";
import { backendFault, nextAuthLogger } from "@emporium/runtime/app-logging";
import { clientIp } from "@/client-ip";
import { env } from "@/env";
import { serverLog } from "@/server-log";
import { signInFailureCode } from "./messages";
import { bearerFor } from "./service-token";

declare module "next-auth" {
  interface Session {
    shopper?: { id: string; email: string; name: string };
  }
  interface User {
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The account's session version at sign-in; a sign-out raises it and this session ends. */
    sv?: number;
  }
}

/** Shoppers stay signed in for a month unless they sign out. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

// Sign-in attempts are limited per address too: identity counts the shopper's, not this server's.
const identity = createIdentityClient(env.IDENTITY_URL, undefined, { clientIp });

async function signInWithPassword(email: string, password: string): Promise<User> {
  try {
    const user = await identity.auth.signIn.mutate({ email, password });
    return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
  } catch (error) {
    if (backendFault(error)) serverLog().warn({ err: error }, "sign-in: the identity service did not answer");
    // next-auth puts what is thrown into the sign-in page's ?error=: a code, which the page words itself
    // (a limited sign-in's code carries the wait identity named).
    throw new Error(signInFailureCode(error));
  }
}

/** The identity service, called as the session's own user (it acts only on that account). */
function identityAs(token: { sub?: string | undefined; email?: string | null | undefined }) {
  const { sub, email } = token;
  if (!sub || !email) return null;
  return createIdentityClient(env.IDENTITY_URL, () => bearerFor({ kind: "shopper", userId: sub, email }));
}

/** Whether the session is still good: the account exists and has not signed out since (fail closed). */
async function stillSignedIn(token: { sub?: string; email?: string | null; sv?: number }): Promise<boolean> {
  const client = identityAs(token);
  if (!client) return false;
  try {
    return (await client.auth.session.query()).sessionVersion === token.sv;
  } catch (error) {
    // Failing closed signs every shopper out while identity is away: an operator hears of it.
    if (backendFault(error))
      serverLog().warn({ err: error }, "session check: the identity service did not answer; signed out");
    return false;
  }
}

let options: NextAuthOptions | null = null;

/** Built on first use, so `next build` needs no secret; production must set NEXTAUTH_SECRET. */
export function authOptions(): NextAuthOptions {
  options ??= {
    secret: sessionSecret(env.NEXTAUTH_SECRET, env.EMPORIUM_DATA_DIR, "web-session"),
    cookies: appCookies("shop"),
    logger: nextAuthLogger(serverLog),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/account/sign-in", error: "/account/sign-in" },
    providers: [
      passwordProvider(signInWithPassword),
      ...(env.OIDC
        ? [
            oidcProvider(env.OIDC, async (idToken) => {
              const user = await identity.auth.signInWithOidc.mutate({ idToken });
              return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
            }),
          ]
        : []),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sv = user.sessionVersion;
        return token;
      },
      async session({ session, token }) {
        if (token.sub && token.email && (await stillSignedIn(token)))
          session.shopper = { id: token.sub, email: token.email, name: token.name ?? token.email };
        return session;
      },
    },
    events: {
      // Signing out ends every session of the account, including a copied cookie's.
      async signOut({ token }) {
        await identityAs(token)?.auth.endSessions.mutate();
      },
    },
  };
  return options;
}
