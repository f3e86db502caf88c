import type { MetadataRoute } from "next";
import { env } from "@/env";
import { absoluteUrl } from "@/links";
import { getSitemapEntries } from "@/trpc/server";

// Built per request from the catalog (through its caches), never at build time.
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const entries = await getSitemapEntries();
  return [
    { url: absoluteUrl(env.SITE_URL, "/"), changeFrequency: "daily", priority: 1 },
    ...entries.map((entry) => ({
      url: absoluteUrl(env.SITE_URL, entry.path),
      lastModified: entry.updatedAt,
      changeFrequency: entry.path.startsWith("/c/") ? ("daily" as const) : ("weekly" as const),
      priority: entry.path.startsWith("/c/") ? 0.8 : 0.6,
    })),
  ];
}
