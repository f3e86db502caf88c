// The storefront's configuration, validated once. Nothing else reads process.env: a bad value fails
// at start-up (and at build, where next.config reads it) naming the variable.
import path from "node:path";
import { loggingEnvOf } from "@emporium/runtime/app-logging";
import type { LoggingEnv } from "@emporium/runtime/logging";
import type { TracingEnv } from "@emporium/runtime/tracing";
import type { OidcSettings } from "@emporium/auth/next-auth";
import { webEnvSchema as schema } from "./env-schema";

export interface WebEnv extends TracingEnv, LoggingEnv {
  CATALOG_URL: string;
  ORDERS_URL: string;
  /** The payment provider's public API; browsers reach it through the storefront's /psp rewrite. */
  PSP_URL: string;
  SITE_URL: string;
  IDENTITY_URL: string;
  REVIEWS_URL: string;
  SERVICE_TOKEN_SECRET: string | undefined;
  NEXTAUTH_SECRET: string | undefined;
  /** Where `npm run dev` keeps its generated development secrets (the repository's .data/). */
  EMPORIUM_DATA_DIR: string;
  /** The OpenID Connect provider shoppers may sign in with, or null. */
  OIDC: OidcSettings | null;
  /** Cookies carry the Secure flag in production builds. */
  SECURE_COOKIES: boolean;
  /** On SIGTERM, how long /readyz answers 503 while requests are still served. */
  SHUTDOWN_DRAIN_MS: number;
}

const trimSlashes = (url: string) => url.replace(/\/+$/, "");

export function parseWebEnv(source: Record<string, string | undefined>): WebEnv {
  const result = schema.safeParse({
    CATALOG_URL: source.CATALOG_URL,
    ORDERS_URL: source.ORDERS_URL,
    PSP_URL: source.PSP_URL,
    SITE_URL: source.SITE_URL,
    IDENTITY_URL: source.IDENTITY_URL,
    REVIEWS_URL: source.REVIEWS_URL,
    SERVICE_TOKEN_SECRET: source.SERVICE_TOKEN_SECRET || undefined,
    NEXTAUTH_SECRET: source.NEXTAUTH_SECRET || undefined,
    EMPORIUM_DATA_DIR: source.EMPORIUM_DATA_DIR || undefined,
    OIDC_ISSUER: source.OIDC_ISSUER || undefined,
    OIDC_CLIENT_ID: source.OIDC_CLIENT_ID || undefined,
    OIDC_CLIENT_SECRET: source.OIDC_CLIENT_SECRET || undefined,
    OIDC_NAME: source.OIDC_NAME || undefined,
    NODE_ENV: source.NODE_ENV,
    SHUTDOWN_DRAIN_MS: source.SHUTDOWN_DRAIN_MS || undefined,
    TRACING_EXPORTER: source.TRACING_EXPORTER || undefined,
    TRACING_ENDPOINT: source.TRACING_ENDPOINT || undefined,
    TRACING_SAMPLE_RATIO: source.TRACING_SAMPLE_RATIO || undefined,
    TRACING_SERVICE_NAME: source.TRACING_SERVICE_NAME || undefined,
    LOG_LEVEL: source.LOG_LEVEL || undefined,
    LOG_FORMAT: source.LOG_FORMAT || undefined,
    LOG_SHIP_URL: source.LOG_SHIP_URL || undefined,
    LOG_SHIP_INDEX_PREFIX: source.LOG_SHIP_INDEX_PREFIX || undefined,
    LOG_SHIP_RETENTION_DAYS: source.LOG_SHIP_RETENTION_DAYS || undefined,
    LOG_SHIP_BUFFER: source.LOG_SHIP_BUFFER || undefined,
  });
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid storefront configuration: ${problems}`);
  }
  const e = result.data;
  const oidcSet = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (oidcSet !== 0 && oidcSet !== 3)
    throw new Error(
      "Invalid storefront configuration: OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set together, or none",
    );
  return {
    CATALOG_URL: trimSlashes(result.data.CATALOG_URL),
    ORDERS_URL: trimSlashes(result.data.ORDERS_URL),
    PSP_URL: trimSlashes(result.data.PSP_URL),
    SITE_URL: trimSlashes(result.data.SITE_URL),
    IDENTITY_URL: trimSlashes(e.IDENTITY_URL),
    REVIEWS_URL: trimSlashes(e.REVIEWS_URL),
    SERVICE_TOKEN_SECRET: e.SERVICE_TOKEN_SECRET,
    NEXTAUTH_SECRET: e.NEXTAUTH_SECRET,
    // The storefront runs from apps/web; the development host keeps .data/ at the repository root.
    EMPORIUM_DATA_DIR: path.resolve(
      /*turbopackIgnore: true*/ e.EMPORIUM_DATA_DIR ?? path.join(process.cwd(), "../../.data"),
    ),
    OIDC:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            name: e.OIDC_NAME,
          }
        : null,
    SECURE_COOKIES: result.data.NODE_ENV === "production",
    SHUTDOWN_DRAIN_MS: e.SHUTDOWN_DRAIN_MS,
    TRACING_EXPORTER: e.TRACING_EXPORTER,
    TRACING_ENDPOINT: e.TRACING_ENDPOINT,
    TRACING_SAMPLE_RATIO: e.TRACING_SAMPLE_RATIO,
    TRACING_SERVICE_NAME: e.TRACING_SERVICE_NAME,
    ...loggingEnvOf(e),
  };
}

export const env = parseWebEnv(process.env);

/** Where the catalog serves product media: the origin of its tRPC URL. */
export function catalogOrigin(catalogUrl: string): string {
  return new URL(catalogUrl).origin;
}
