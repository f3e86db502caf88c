import type { NextConfig } from "next";
import { catalogOrigin, env } from "./src/env";
import { securityHeaders } from "./src/security-headers";

// Rewrites are resolved by `next build`, so CATALOG_URL and PSP_URL must be set at build time as well as
// at start.
export default function config(): NextConfig {
  return {
    poweredByHeader: false,
    // The image runs .next/standalone/apps/web/server.js: the server with only the files it traces as
    // used (infra/docker). `next start`, which the e2e setups run, still works and logs one warning.
    output: "standalone",
    reactStrictMode: true,
    // A review form carries up to four photos of up to 8 MB each (see src/reviews/photos.ts).
    experimental: { serverActions: { bodySizeLimit: "34mb" } },
    transpilePackages: [
      "@emporium/address",
      "@emporium/ui",
      "@emporium/catalog",
      "@emporium/orders",
      "@emporium/reviews",
      "@emporium/contracts",
      "@emporium/http-fetch",
    ],
    async rewrites() {
      return [
        // The browser talks to one origin: product images and autocomplete go through the storefront.
        { source: "/media/:path*", destination: `${catalogOrigin(env.CATALOG_URL)}/media/:path*` },
        { source: "/api/trpc/:path*", destination: `${env.CATALOG_URL}/:path*` },
        // Card details go from the browser straight to the payment provider (same origin, so the CSP
        // allows it); only the resulting token reaches the storefront. Only tokenisation is exposed:
        // the provider's authorise/capture/refund API stays reachable by the payment worker alone.
        { source: "/psp/v1/tokens", destination: `${env.PSP_URL}/v1/tokens` },
      ];
    },
    async headers() {
      return [{ source: "/:path*", headers: securityHeaders() }];
    },
  };
}
