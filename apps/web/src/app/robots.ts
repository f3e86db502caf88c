import type { MetadataRoute } from "next";
import { env } from "@/env";

// Rendered per request: SITE_URL is a runtime setting (a container image is built once, deployed anywhere).
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return {
    // Search results and the API are endless combinations of the same products.
    rules: [{ userAgent: "*", allow: "/", disallow: ["/search", "/api/"] }],
    sitemap: `${env.SITE_URL}/sitemap.xml`,
  };
}
