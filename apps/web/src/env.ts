// The storefront's configuration, validated once. Nothing else reads process.env: a bad value fails
// at start-up (and at build, where next.config reads it) naming the variable.
import { z } from "zod";

const schema = z.object({
  CATALOG_URL: z.url({ protocol: /^https?$/ }).default("http://127.0.0.1:4001/trpc"),
  SITE_URL: z.url({ protocol: /^https?$/ }).default("http://localhost:3000"),
});

export type WebEnv = z.infer<typeof schema>;

export function parseWebEnv(source: Record<string, string | undefined>): WebEnv {
  const result = schema.safeParse({ CATALOG_URL: source.CATALOG_URL, SITE_URL: source.SITE_URL });
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid storefront configuration: ${problems}`);
  }
  return {
    CATALOG_URL: result.data.CATALOG_URL.replace(/\/+$/, ""),
    SITE_URL: result.data.SITE_URL.replace(/\/+$/, ""),
  };
}

export const env = parseWebEnv(process.env);

/** Where the catalog serves product media: the origin of its tRPC URL. */
export function catalogOrigin(catalogUrl: string): string {
  return new URL(catalogUrl).origin;
}
