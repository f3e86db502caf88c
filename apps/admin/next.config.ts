import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";
import { catalogOrigin, env } from "./src/env";
import { securityHeaders } from "./src/security-headers";

// Rewrites are resolved by `next build`, so CATALOG_URL must be set at build time as well as at start.
export default function config(phase: string): NextConfig {
  return {
    poweredByHeader: false,
    // The image runs .next/standalone/apps/admin/server.js: the server with only the files it traces as
    // used (infra/docker). `next start`, which the e2e setups run, still works and logs one warning.
    output: "standalone",
    reactStrictMode: true,
    transpilePackages: [
      "@emporium/address",
      "@emporium/ui",
      "@emporium/catalog",
      "@emporium/orders",
      "@emporium/inventory",
      "@emporium/reviews",
      "@emporium/audit",
      "@emporium/http-fetch",
    ],
    async rewrites() {
      return [
        { source: "/media/:path*", destination: `${catalogOrigin(env.CATALOG_URL)}/media/:path*` },
        // Embedded media store: browsers POST image uploads here and the catalog checks the signed form.
        { source: "/uploads", destination: `${catalogOrigin(env.CATALOG_URL)}/uploads` },
      ];
    },
    async headers() {
      return [
        {
          source: "/:path*",
          headers: securityHeaders({
            dev: phase === PHASE_DEVELOPMENT_SERVER,
            uploadOrigin: env.MEDIA_UPLOAD_ORIGIN,
          }),
        },
      ];
    },
  };
}
