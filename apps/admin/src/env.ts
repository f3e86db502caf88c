// The admin's configuration, validated once. Nothing else reads process.env.
import path from "node:path";
import { z } from "zod";

const trpcUrl = (fallback: string) => z.url({ protocol: /^https?$/ }).default(fallback);
const secret = z.string().min(32, "must be at least 32 characters").optional();

const schema = z.object({
  CATALOG_URL: trpcUrl("http://127.0.0.1:4001/trpc"),
  IDENTITY_URL: trpcUrl("http://127.0.0.1:4003/trpc"),
  // Signs the short-lived tokens the admin's server sends to the backends (shared with them).
  SERVICE_TOKEN_SECRET: secret,
  // Encrypts the staff session cookie (next-auth).
  NEXTAUTH_SECRET: secret,
  EMPORIUM_DATA_DIR: z.string().optional(),
});

export interface AdminEnv {
  CATALOG_URL: string;
  IDENTITY_URL: string;
  SERVICE_TOKEN_SECRET: string | undefined;
  NEXTAUTH_SECRET: string | undefined;
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
  return {
    CATALOG_URL: e.CATALOG_URL.replace(/\/+$/, ""),
    IDENTITY_URL: e.IDENTITY_URL.replace(/\/+$/, ""),
    SERVICE_TOKEN_SECRET: e.SERVICE_TOKEN_SECRET,
    NEXTAUTH_SECRET: e.NEXTAUTH_SECRET,
    // The admin runs from apps/admin; the development host keeps .data/ at the repository root.
    EMPORIUM_DATA_DIR: path.resolve(e.EMPORIUM_DATA_DIR ?? path.join(process.cwd(), "../../.data")),
  };
}

export const env = parseAdminEnv({
  CATALOG_URL: process.env.CATALOG_URL,
  IDENTITY_URL: process.env.IDENTITY_URL,
  SERVICE_TOKEN_SECRET: process.env.SERVICE_TOKEN_SECRET,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET,
  EMPORIUM_DATA_DIR: process.env.EMPORIUM_DATA_DIR,
});

export function catalogOrigin(catalogUrl: string): string {
  return new URL(catalogUrl).origin;
}
