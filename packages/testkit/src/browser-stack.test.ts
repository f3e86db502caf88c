// The browser-test stack's pure parts: where it finds the services and apps, what it keeps from the
// developer's shell, and what each app is started with. (Starting it takes Next builds; the apps' e2e
// runs do that.)
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appEnv, REPO_DIR, unwiredEnv, type StackBackends } from "./browser-stack";

const backends: StackBackends = {
  catalogUrl: "http://127.0.0.1:1001/trpc",
  ordersUrl: "http://127.0.0.1:1002/trpc",
  identityUrl: "http://127.0.0.1:1003/trpc",
  inventoryUrl: "http://127.0.0.1:1004/trpc",
  reviewsUrl: "http://127.0.0.1:1007/trpc",
  auditUrl: "http://127.0.0.1:1008/trpc",
  pspUrl: "http://127.0.0.1:1005",
  oidcIssuer: "http://127.0.0.1:1006",
  serviceTokenSecret: "secret-for-this-run",
};

describe("the browser-test stack", () => {
  it("starts services and apps from the repository's own folders", () => {
    for (const entry of [
      "services/devhost/src/main.ts",
      "services/psp/src/main.ts",
      "apps/web",
      "apps/admin",
    ])
      expect(existsSync(path.join(REPO_DIR, entry)), entry).toBe(true);
  });

  it("drops whatever in the shell would wire the stack to other servers", () => {
    const env = unwiredEnv({
      PATH: "/usr/bin",
      HOME: "/home/dev",
      DATABASE_URL: "postgres://elsewhere",
      KAFKA_BROKERS: "kafka:9092",
      MEMCACHED_SERVERS: "mc:11211",
      S3_ENDPOINT: "http://s3",
      CATALOG_PORT: "4000",
      REVIEWS_PORT: "4024",
      AUDIT_PORT: "4025",
      AUDIT_URL: "http://other",
      INVENTORY_URL: "http://other",
      SITE_URL: "https://shop.example",
      NEXTAUTH_SECRET: "x",
      OIDC_ISSUER: "https://idp.example",
      SEED_PRODUCTS: "9",
      NODE_ENV: "development",
    });
    expect(env).toEqual({ PATH: "/usr/bin", HOME: "/home/dev", NEXT_TELEMETRY_DISABLED: "1" });
  });

  it("gives each app the backends, its own NextAuth origin, and only the signing-in app the OIDC client", () => {
    const oidc = { clientId: "emporium-admin-e2e", clientSecret: "s3cret" };
    const admin = appEnv({ app: "admin", appUrl: "http://127.0.0.1:2001", baseEnv: {}, backends, oidc });
    const web = appEnv({ app: "web", appUrl: "http://127.0.0.1:2002", baseEnv: {}, backends, oidc: null });
    expect(admin).toMatchObject({
      NODE_ENV: "production",
      CATALOG_URL: backends.catalogUrl,
      ORDERS_URL: backends.ordersUrl,
      IDENTITY_URL: backends.identityUrl,
      INVENTORY_URL: backends.inventoryUrl,
      REVIEWS_URL: backends.reviewsUrl,
      AUDIT_URL: backends.auditUrl,
      // Watched by the operations console.
      PSP_URL: backends.pspUrl,
      SERVICE_TOKEN_SECRET: backends.serviceTokenSecret,
      NEXTAUTH_URL: "http://127.0.0.1:2001",
      OIDC_ISSUER: backends.oidcIssuer,
      OIDC_CLIENT_ID: "emporium-admin-e2e",
      OIDC_CLIENT_SECRET: "s3cret",
      OIDC_NAME: "Test provider",
    });
    expect(web).toMatchObject({
      NODE_ENV: "production",
      PSP_URL: backends.pspUrl,
      SITE_URL: "http://127.0.0.1:2002",
      REVIEWS_URL: backends.reviewsUrl,
      NEXTAUTH_URL: "http://127.0.0.1:2002",
    });
    expect(Object.keys(web).filter((k) => k.startsWith("OIDC_"))).toEqual([]);
    // The activity log is the admin's alone.
    expect(web.AUDIT_URL).toBeUndefined();
    expect(admin.NEXTAUTH_SECRET).toMatch(/^[\w-]{43}$/);
    expect(admin.NEXTAUTH_SECRET).not.toBe(web.NEXTAUTH_SECRET);
  });
});
