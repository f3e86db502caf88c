// Staff sign-in for the admin (next-auth): email + password checked by the identity service (argon2id
// there), a session cookie that is HttpOnly, SameSite=Lax and Secure over HTTPS, and a session that
// carries the staff role. Only staff accounts get in; shoppers are told so.
import type { NextAuthOptions } from "next-auth";
import { TRPCClientError } from "@trpc/client";
import { appCookies, oidcProvider, passwordProvider, sessionSecret } from "@emporium/auth/next-auth";
import { STAFF_ROLES, type StaffRole } from "@emporium/auth";
import { BAD_CREDENTIALS, signInLimitedCode, SIGN_IN_UNAVAILABLE } from "@emporium/auth/sign-in-codes";
import { createIdentityClient } from "@emporium/identity/client";
import { backendFault, nextAuthLogger } from "@emporium/runtime/app-logging";
import { clientIp } from "@/client-ip";
import { env } from "@/env";
import { serverLog } from "@/server-log";
import { NOT_STAFF_ERROR } from "./messages";
import { bearerFor } from "./service-token";

declare module "next-auth" {
  interface Session {
    staff: { id: string; email: string; name: string; role: StaffRole };
  }
  interface User {
    /** null for a shopper, who is turned away (the credentials step refuses them before this). */
    role: StaffRole | null;
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: StaffRole;
    /** The account's session version at sign-in; a sign-out raises it and this session ends. */
    sv?: number;
  }
}

/** Staff sessions last a working day; the next sign-in picks up a changed role. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

// Sign-in attempts are limited per address too: identity counts the person's, not this server's.
const identity = createIdentityClient(env.IDENTITY_URL, undefined, { clientIp });

/** Why identity refused a password sign-in, as the code the sign-in page words (./messages.ts). */
function signInFailureCode(error: unknown): string {
  const data: unknown = error instanceof TRPCClientError ? error.data : null;
  if (typeof data !== "object" || data === null) return SIGN_IN_UNAVAILABLE;
  const code: unknown = Reflect.get(data, "code");
  // A limit's refusal says how long to wait as data.retryAfterSeconds.
  const wait: unknown = Reflect.get(data, "retryAfterSeconds");
  if (code === "TOO_MANY_REQUESTS")
    return signInLimitedCode(typeof wait === "number" && wait > 0 ? wait : null);
  if (code === "UNAUTHORIZED" || code === "BAD_REQUEST") return BAD_CREDENTIALS;
  return SIGN_IN_UNAVAILABLE;
}

async function authorizeStaff(email: string, password: string) {
  let user;
  try {
    user = await identity.auth.signIn.mutate({ email, password });
  } catch (error) {
    if (backendFault(error)) serverLog().warn({ err: error }, "sign-in: the identity service did not answer");
    throw new Error(signInFailureCode(error));
  }
  if (!user.role) throw new Error(NOT_STAFF_ERROR);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    sessionVersion: user.sessionVersion,
  };
}

/** The identity service, called as the session's own user (it acts only on that account). */
function identityAs(token: {
  sub?: string | undefined;
  email?: string | null | undefined;
  role?: StaffRole;
}) {
  const { sub, email, role } = token;
  if (!sub || !email || !role) return null;
  return createIdentityClient(env.IDENTITY_URL, () => bearerFor({ kind: "staff", userId: sub, email, role }));
}

/**
 * The staff role this session still holds, asked of the identity service on every use: null when the
 * user signed out (anywhere) since, when the account left the staff, or when identity cannot answer
 * (fail closed). A changed role takes effect at once.
 */
async function currentRole(token: { sub?: string; email?: string | null; role?: StaffRole; sv?: number }) {
  const identity = identityAs(token);
  if (!identity) return null;
  try {
    const state = await identity.auth.session.query();
    return state.sessionVersion === token.sv ? state.role : null;
  } catch (error) {
    // Failing closed signs all staff out while identity is away: an operator hears of it.
    if (backendFault(error))
      serverLog().warn({ err: error }, "session check: the identity service did not answer; signed out");
    return null;
  }
}

let options: NextAuthOptions | null = null;

/** Built on first use, so `next build` needs no secret; production must set NEXTAUTH_SECRET. */
export function authOptions(): NextAuthOptions {
  options ??= {
    secret: sessionSecret(env.NEXTAUTH_SECRET, env.EMPORIUM_DATA_DIR, "admin-session"),
    cookies: appCookies("admin"),
    logger: nextAuthLogger(serverLog),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      passwordProvider(authorizeStaff),
      // Single sign-on; only staff accounts get past the signIn callback below.
      ...(env.OIDC
        ? [
            oidcProvider(env.OIDC, async (idToken) => {
              const user = await identity.auth.signInWithOidc.mutate({ idToken });
              return { ...user, sessionVersion: user.sessionVersion };
            }),
          ]
        : []),
    ],
    callbacks: {
      // A shopper who signs in through the provider is sent back with the reason.
      signIn({ user }) {
        return user.role ? true : `/signin?error=${NOT_STAFF_ERROR}`;
      },
      jwt({ token, user }) {
        if (user?.role) {
          token.role = user.role;
          token.sv = user.sessionVersion;
        }
        return token;
      },
      async session({ session, token }) {
        const current = await currentRole(token);
        const role = STAFF_ROLES.find((r) => r === current);
        if (token.sub && token.email && role)
          session.staff = { id: token.sub, email: token.email, name: token.name ?? token.email, role };
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
