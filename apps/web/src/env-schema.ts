// The storefront's environment variables as one zod schema, apart from env.ts (which parses process.env
// when imported) so that docs/configuration.md can be generated from it without reading any environment.
import { env } from "@emporium/config";
import { z } from "zod";
import { logShippingEnvShape } from "@emporium/runtime/logging";
import { tracingEnvShape } from "@emporium/runtime/tracing";

const httpUrl = z.url({ protocol: /^https?$/ });

export const webEnvSchema = z.object({
  CATALOG_URL: httpUrl.default("http://127.0.0.1:4001/trpc").describe("The catalog's tRPC endpoint."),
  ORDERS_URL: httpUrl.default("http://127.0.0.1:4002/trpc").describe("The orders service's tRPC endpoint."),
  PSP_URL: httpUrl
    .default("http://127.0.0.1:4010")
    .describe("The payment provider's public API; browsers reach it through the storefront's /psp rewrite."),
  SITE_URL: httpUrl
    .default("http://localhost:3000")
    .describe("The storefront's public address, for canonical links and the sitemap."),
  IDENTITY_URL: httpUrl
    .default("http://127.0.0.1:4003/trpc")
    .describe("The identity service's tRPC endpoint."),
  REVIEWS_URL: httpUrl
    .default("http://127.0.0.1:4024/trpc")
    .describe(
      "The reviews service's tRPC endpoint; while it does not answer, product pages show that reviews are unavailable.",
    ),
  SERVICE_TOKEN_SECRET: z
    .string()
    .min(32, "must be at least 32 characters")
    .optional()
    .describe(
      "Signs the short-lived tokens naming a signed-in shopper to the backends (32+ characters, shared with them); unset: a secret generated once under EMPORIUM_DATA_DIR.",
    ),
  NEXTAUTH_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe(
      "This app's public address, where next-auth builds its sign-in callbacks and redirects; https gives the session cookies the Secure flag and __Host- names. npm run dev sets http://localhost:3000; unset, next-auth assumes http://localhost:3000.",
    ),
  NEXTAUTH_SECRET: z
    .string()
    .min(32, "must be at least 32 characters")
    .optional()
    .describe(
      "Encrypts the shopper session cookie (next-auth, 32+ characters); production must set it, elsewhere unset means a secret generated once under EMPORIUM_DATA_DIR.",
    ),
  EMPORIUM_DATA_DIR: z
    .string()
    .optional()
    .describe("Where npm run dev keeps its generated development secrets; unset: the repository's .data/."),
  OIDC_ISSUER: httpUrl
    .optional()
    .describe("Single sign-on: the OpenID Connect provider's issuer URL (with the client id and secret)."),
  OIDC_CLIENT_ID: z.string().max(500).optional().describe("This app's client id at the provider."),
  OIDC_CLIENT_SECRET: z.string().max(500).optional().describe("This app's client secret at the provider."),
  OIDC_NAME: z
    .string()
    .max(60)
    .default("single sign-on")
    .describe('What the sign-in button calls the provider ("Sign in with …").'),
  NODE_ENV: z
    .string()
    .optional()
    .describe(
      "Set by Next.js; development lets the storefront's Content-Security-Policy allow eval (hot reload).",
    ),
  SHUTDOWN_DRAIN_MS: env.drainMs(),
  LOG_LEVEL: env.logLevel(),
  LOG_FORMAT: env.logFormat(),
  ...logShippingEnvShape,
  ...tracingEnvShape,
});
