// The admin's configuration, validated once. Nothing else reads process.env.
import { z } from "zod";

const schema = z.object({
  CATALOG_URL: z.url({ protocol: /^https?$/ }).default("http://127.0.0.1:4001/trpc"),
});

export type AdminEnv = z.infer<typeof schema>;

export function parseAdminEnv(source: Record<string, string | undefined>): AdminEnv {
  const result = schema.safeParse({ CATALOG_URL: source.CATALOG_URL });
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid admin configuration: ${problems}`);
  }
  return { CATALOG_URL: result.data.CATALOG_URL.replace(/\/+$/, "") };
}

export const env = parseAdminEnv(process.env);

export function catalogOrigin(catalogUrl: string): string {
  return new URL(catalogUrl).origin;
}
