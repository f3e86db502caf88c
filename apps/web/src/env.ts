// The storefront's configuration, validated once. Nothing else reads process.env: a bad value fails
// at start-up (and at build, where next.config reads it) naming the variable.
import { z } from "zod";

const httpUrl = z.url({ protocol: /^https?$/ });

const schema = z.object({
  CATALOG_URL: httpUrl.default("http://127.0.0.1:4001/trpc"),
  ORDERS_URL: httpUrl.default("http://127.0.0.1:4002/trpc"),
  PSP_URL: httpUrl.default("http://127.0.0.1:4010"),
  SITE_URL: httpUrl.default("http://localhost:3000"),
  NODE_ENV: z.string().optional(),
});

export interface WebEnv {
  CATALOG_URL: string;
  ORDERS_URL: string;
  /** The payment provider's public API; browsers reach it through the storefront's /psp rewrite. */
  PSP_URL: string;
  SITE_URL: string;
  /** Cookies carry the Secure flag in production builds. */
  SECURE_COOKIES: boolean;
}

const trimSlashes = (url: string) => url.replace(/\/+$/, "");

export function parseWebEnv(source: Record<string, string | undefined>): WebEnv {
  const result = schema.safeParse({
    CATALOG_URL: source.CATALOG_URL,
    ORDERS_URL: source.ORDERS_URL,
    PSP_URL: source.PSP_URL,
    SITE_URL: source.SITE_URL,
    NODE_ENV: source.NODE_ENV,
  });
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid storefront configuration: ${problems}`);
  }
  return {
    CATALOG_URL: trimSlashes(result.data.CATALOG_URL),
    ORDERS_URL: trimSlashes(result.data.ORDERS_URL),
    PSP_URL: trimSlashes(result.data.PSP_URL),
    SITE_URL: trimSlashes(result.data.SITE_URL),
    SECURE_COOKIES: result.data.NODE_ENV === "production",
  };
}

export const env = parseWebEnv(process.env);

/** Where the catalog serves product media: the origin of its tRPC URL. */
export function catalogOrigin(catalogUrl: string): string {
  return new URL(catalogUrl).origin;
}
