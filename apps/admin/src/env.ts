// The admin's configuration, validated once. Nothing else reads process.env.
import path from "node:path";
import { loggingEnvOf } from "@emporium/runtime/app-logging";
import type { LoggingEnv } from "@emporium/runtime/logging";
import type { TracingEnv } from "@emporium/runtime/tracing";
import type { OidcSettings } from "@emporium/auth/next-auth";
import { adminEnvSchema as schema } from "./env-schema";

export interface AdminEnv extends TracingEnv, LoggingEnv {
  CATALOG_URL: string;
  IDENTITY_URL: string;
  ORDERS_URL: string;
  INVENTORY_URL: string;
  REVIEWS_URL: string;
  AUDIT_URL: string;
  /** Origins the operations console watches beyond the backends above; undefined: not watched. */
  PAYMENT_OPS_URL: string | undefined;
  FULFILLMENT_OPS_URL: string | undefined;
  PSP_URL: string | undefined;
  STOREFRONT_OPS_URL: string | undefined;
  SERVICE_TOKEN_SECRET: string | undefined;
  NEXTAUTH_SECRET: string | undefined;
  /** An origin other than the admin's own that browsers upload images to (S3), or undefined. */
  MEDIA_UPLOAD_ORIGIN: string | undefined;
  /** The OpenID Connect provider staff may sign in with, or null. */
  OIDC: OidcSettings | null;
  /** Where `npm run dev` keeps its generated development secrets (the repository's .data/). */
  EMPORIUM_DATA_DIR: string;
  /** On SIGTERM, how long /readyz answers 503 while requests are still served. */
  SHUTDOWN_DRAIN_MS: number;
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
    REVIEWS_URL: e.REVIEWS_URL.replace(/\/+$/, ""),
    AUDIT_URL: e.AUDIT_URL.replace(/\/+$/, ""),
    PAYMENT_OPS_URL: e.PAYMENT_OPS_URL && new URL(e.PAYMENT_OPS_URL).origin,
    FULFILLMENT_OPS_URL: e.FULFILLMENT_OPS_URL && new URL(e.FULFILLMENT_OPS_URL).origin,
    PSP_URL: e.PSP_URL && new URL(e.PSP_URL).origin,
    STOREFRONT_OPS_URL: e.STOREFRONT_OPS_URL && new URL(e.STOREFRONT_OPS_URL).origin,
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
    SHUTDOWN_DRAIN_MS: e.SHUTDOWN_DRAIN_MS,
    TRACING_EXPORTER: e.TRACING_EXPORTER,
    TRACING_ENDPOINT: e.TRACING_ENDPOINT,
    TRACING_SAMPLE_RATIO: e.TRACING_SAMPLE_RATIO,
    TRACING_SERVICE_NAME: e.TRACING_SERVICE_NAME,
    ...loggingEnvOf(e),
  };
}

// The whole environment: the schema keeps its own variables and drops the rest (a list of names here
// once left TRACING_* out, so the admin never traced whatever it was told).
export const env = parseAdminEnv(process.env);

export function catalogOrigin(catalogUrl: string): string {
  return new URL(catalogUrl).origin;
}
