// The admin's configuration, validated once. Nothing else reads process.env.
import path from "node:path";
import { z } from "zod";
import type { OidcSettings } from "@emporium/auth/next-auth";

const trpcUrl = (fallback: string) => z.url({ protocol: /^https?$/ }).default(fallback);
const secret = z.string().min(32, "must be at least 32 characters").optional();

const schema = z.object({
  CATALOG_URL: trpcUrl("http://127.0.0.1:4001/trpc"),
  IDENTITY_URL: trpcUrl("http://127.0.0.1:4003/trpc"),
  ORDERS_URL: trpcUrl("http://127.0.0.1:4002/trpc"),
  INVENTORY_URL: trpcUrl("http://127.0.0.1:4021/trpc"),
  // Signs the short-lived tokens the admin's server sends to the backends (shared with them).
  SERVICE_TOKEN_SECRET: secret,
  // Encrypts the staff session cookie (next-auth).
  NEXTAUTH_SECRET: secret,
  EMPORIUM_DATA_DIR: z.string().optional(),
  // Where browsers upload product images when that is not this admin's own /uploads (forwarded to the
  // catalog): the media bucket's S3 origin. Added to the CSP's connect-src; set it at build time too.
  MEDIA_UPLOAD_ORIGIN: z.url({ protocol: /^https?$/ }).optional(),
  // Single sign-on with any OpenID Connect provider: its issuer URL and this app's client registration.
  OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  OIDC_CLIENT_ID: z.string().max(500).optional(),
  OIDC_CLIENT_SECRET: z.string().max(500).optional(),
  // What the sign-in button calls the provider ("Sign in with …").
  OIDC_NAME: z.string().max(60).default("single sign-on"),
});

export interface AdminEnv {
  CATALOG_URL: string;
  IDENTITY_URL: string;
  ORDERS_URL: string;
  INVENTORY_URL: string;
  SERVICE_TOKEN_SECRET: string | undefined;
  NEXTAUTH_SECRET: string | undefined;
  /** An origin other than the admin's own that browsers upload images to (S3), or undefined. */
  MEDIA_UPLOAD_ORIGIN: string | undefined;
  /** The OpenID Connect provider staff may sign in with, or null. */
  OIDC: OidcSettings | null;
  /** Where `npm run dev` keeps its generated development secrets (the repository's .data/). */
  EMPORIUM_DATA_DIR: string;
}

export function parseAdminEnv(source: Record<string, string | undefined>): AdminEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid admin configuration: ${problems}`);
  }
  const e = result.data;
  const oidcSet = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (oidcSet !== 0 && oidcSet !== 3)
    throw new Error(
      "Invalid admin configuration: OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set together, or none",
    );
  return {
    CATALOG_URL: e.CATALOG_URL.replace(/\/+$/, ""),
    IDENTITY_URL: e.IDENTITY_URL.replace(/\/+$/, ""),
    ORDERS_URL: e.ORDERS_URL.replace(/\/+$/, ""),
    INVENTORY_URL: e.INVENTORY_URL.replace(/\/+$/, ""),
    SERVICE_TOKEN_SECRET: e.SERVICE_TOKEN_SECRET,
    NEXTAUTH_SECRET: e.NEXTAUTH_SECRET,
    MEDIA_UPLOAD_ORIGIN: e.MEDIA_UPLOAD_ORIGIN && new URL(e.MEDIA_UPLOAD_ORIGIN).origin,
    OIDC:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            name: e.OIDC_NAME,
          }
        : null,
    // The admin runs from apps/admin; the development host keeps .data/ at the repository root.
    EMPORIUM_DATA_DIR: path.resolve(
      /*turbopackIgnore: true*/ e.EMPORIUM_DATA_DIR ?? path.join(process.cwd(), "../../.data"),
    ),
  };
}

export const env = parseAdminEnv({
  CATALOG_URL: process.env.CATALOG_URL,
  IDENTITY_URL: process.env.IDENTITY_URL,
  ORDERS_URL: process.env.ORDERS_URL,
  INVENTORY_URL: process.env.INVENTORY_URL,
  SERVICE_TOKEN_SECRET: process.env.SERVICE_TOKEN_SECRET,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET,
  EMPORIUM_DATA_DIR: process.env.EMPORIUM_DATA_DIR,
  MEDIA_UPLOAD_ORIGIN: process.env.MEDIA_UPLOAD_ORIGIN,
  OIDC_ISSUER: process.env.OIDC_ISSUER,
  OIDC_CLIENT_ID: process.env.OIDC_CLIENT_ID,
  OIDC_CLIENT_SECRET: process.env.OIDC_CLIENT_SECRET,
  OIDC_NAME: process.env.OIDC_NAME,
});

export function catalogOrigin(catalogUrl: string): string {
  return new URL(catalogUrl).origin;
}
