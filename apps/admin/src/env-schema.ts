// The admin's environment variables as one zod schema, apart from env.ts (which parses process.env when
// imported) so that docs/configuration.md can be generated from it without reading any environment.
import { env } from "@emporium/config";
import { z } from "zod";
import { logShippingEnvShape } from "@emporium/runtime/logging";
import { tracingEnvShape } from "@emporium/runtime/tracing";

const trpcUrl = (fallback: string) => z.url({ protocol: /^https?$/ }).default(fallback);
/** A process's own origin, where the operations console reads its /readyz (or /healthz) and /metrics. */
const opsOrigin = () => z.url({ protocol: /^https?$/ }).optional();
const secret = () => z.string().min(32, "must be at least 32 characters").optional();

export const adminEnvSchema = z.object({
  CATALOG_URL: trpcUrl("http://127.0.0.1:4001/trpc").describe("The catalog's tRPC endpoint."),
  IDENTITY_URL: trpcUrl("http://127.0.0.1:4003/trpc").describe("The identity service's tRPC endpoint."),
  ORDERS_URL: trpcUrl("http://127.0.0.1:4002/trpc").describe("The orders service's tRPC endpoint."),
  INVENTORY_URL: trpcUrl("http://127.0.0.1:4021/trpc").describe("The inventory staff API's tRPC endpoint."),
  REVIEWS_URL: trpcUrl("http://127.0.0.1:4024/trpc").describe(
    "The reviews service's tRPC endpoint (the moderation queue).",
  ),
  AUDIT_URL: trpcUrl("http://127.0.0.1:4025/trpc").describe(
    "The audit service's tRPC endpoint (the staff activity log, for owners).",
  ),
  PAYMENT_OPS_URL: opsOrigin().describe(
    "The payment worker's own origin (e.g. http://payment:4022), where the operations console reads its /readyz and /metrics; unset: the console says the worker is not watched.",
  ),
  FULFILLMENT_OPS_URL: opsOrigin().describe(
    "The fulfillment worker's own origin (e.g. http://fulfillment:4023), where the operations console reads its /readyz and /metrics; unset: not watched.",
  ),
  PSP_URL: opsOrigin().describe(
    "The payment provider simulator's origin (e.g. http://psp:4010), whose /healthz the operations console reads; unset: not watched (a real provider is watched by the payment worker's breaker).",
  ),
  STOREFRONT_OPS_URL: opsOrigin().describe(
    "The storefront's own origin inside the network (e.g. http://web:3000), whose /readyz the operations console reads; unset: not watched.",
  ),
  SERVICE_TOKEN_SECRET: secret().describe(
    "Signs the short-lived tokens the admin's server sends to the backends (32+ characters, shared with them); unset: a secret generated once under EMPORIUM_DATA_DIR.",
  ),
  NEXTAUTH_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe(
      "This app's public address, where next-auth builds its sign-in callbacks and redirects; https gives the session cookies the Secure flag and __Host- names. npm run dev sets http://localhost:3001; unset, next-auth assumes http://localhost:3000.",
    ),
  NEXTAUTH_SECRET: secret().describe(
    "Encrypts the staff session cookie (next-auth, 32+ characters); production must set it, elsewhere unset means a secret generated once under EMPORIUM_DATA_DIR.",
  ),
  EMPORIUM_DATA_DIR: z
    .string()
    .optional()
    .describe("Where npm run dev keeps its generated development secrets; unset: the repository's .data/."),
  // Where browsers upload product images when that is not this admin's own /uploads (forwarded to the
  // catalog): the media bucket's S3 origin. Added to the CSP's connect-src; set it at build time too.
  MEDIA_UPLOAD_ORIGIN: z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe(
      "The S3 origin browsers upload product images to, allowed in the CSP's connect-src; set it at build time too. Unset: the admin's own /uploads.",
    ),
  OIDC_ISSUER: z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe("Single sign-on: the OpenID Connect provider's issuer URL (with the client id and secret)."),
  OIDC_CLIENT_ID: z.string().max(500).optional().describe("This app's client id at the provider."),
  OIDC_CLIENT_SECRET: z.string().max(500).optional().describe("This app's client secret at the provider."),
  OIDC_NAME: z
    .string()
    .max(60)
    .default("single sign-on")
    .describe('What the sign-in button calls the provider ("Sign in with …").'),
  SHUTDOWN_DRAIN_MS: env.drainMs(),
  LOG_LEVEL: env.logLevel(),
  LOG_FORMAT: env.logFormat(),
  ...logShippingEnvShape,
  ...tracingEnvShape,
});
