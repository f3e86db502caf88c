// Starts what the admin's browser tests need and removes it afterwards, also when a step fails:
//   1. the development host (catalog, orders, identity and the workers in one process) on free ports
//      with a fresh data directory (embedded PGlite), or on a scratch PostgreSQL database when
//      TEST_DATABASE_URL is set; it migrates, seeds and creates the local staff accounts;
//   2. the payment provider simulator (services/psp), so orders placed by the tests get paid;
//   3. `next build` of the admin and of the storefront (while the backend seeds), then `next start`
//      of each on a free port — the storefront for the test that follows a product from the admin
//      to a shopper's order.
// The admin and the backends share a service-token secret made for this run.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { createScratchDatabase } from "@emporium/db/testing";
import { freePort, runToCompletion, startChild, waitUntilServing } from "@emporium/testkit/processes";
import { startOidcProvider } from "@emporium/testkit/oidc";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    /** The storefront, built and started beside the admin for the whole-trip test. */
    webUrl: string;
    oidcIssuer: string;
    catalogUrl: string;
    ordersUrl: string;
    pspUrl: string;
    serviceTokenSecret: string;
    inventoryUrl: string;
  }
}

const adminDir = fileURLToPath(new URL("..", import.meta.url));
const webDir = fileURLToPath(new URL("../../web", import.meta.url));
const repoDir = path.resolve(adminDir, "../..");
const bin = (name: string) => path.join(repoDir, "node_modules/.bin", name);

// Nothing from the developer's shell may wire this stack to other servers.
const WIRING =
  /_URL$|_BROKERS$|_SERVERS$|^S3_|^MEDIA_DIR$|^CATALOG_|^ORDERS_|^IDENTITY_|^PSP_|^CARRIER_|^HOST$|^EMPORIUM_|^SEED|^SERVICE_TOKEN|^NEXTAUTH_|^OIDC_|^PORT$|^NODE_ENV$/;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cleanups: (() => Promise<void>)[] = [];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((err: unknown) => console.error(err));
    cleanups.length = 0;
  };
  try {
    const workDir = await mkdtemp(path.join(tmpdir(), "emporium-admin-e2e-"));
    cleanups.push(() => rm(workDir, { recursive: true, force: true }));
    const baseEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
    for (const key of Object.keys(baseEnv)) if (WIRING.test(key)) delete baseEnv[key];
    const serviceTokenSecret = randomBytes(32).toString("base64url");

    let databaseUrl: string | undefined;
    if (process.env.TEST_DATABASE_URL) {
      const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL, "emporium_admin_e2e");
      cleanups.push(scratch.drop);
      databaseUrl = scratch.url;
    }
    const [catalogPort, ordersPort, identityPort, adminPort, pspPort] = [
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    const inventoryPort = await freePort();
    const psp = startChild("psp", bin("tsx"), ["src/main.ts"], {
      cwd: path.join(repoDir, "services/psp"),
      logFile: path.join(workDir, "psp.log"),
      env: { ...baseEnv, PSP_HOST: "127.0.0.1", PSP_PORT: String(pspPort), LOG_LEVEL: "warn" },
    });
    cleanups.push(() => psp.stop());
    const pspUrl = `http://127.0.0.1:${pspPort}`;
    // A real OpenID Connect provider, for single sign-on (identity verifies its tokens, the admin runs the flow).
    const oidc = await startOidcProvider({
      port: await freePort(),
      redirectUri: `http://127.0.0.1:${adminPort}/api/auth/callback/oidc`,
      clientId: "emporium-admin-e2e",
    });
    cleanups.push(oidc.close);
    const backend = startChild("devhost", bin("tsx"), ["src/main.ts"], {
      cwd: path.join(repoDir, "services/devhost"),
      logFile: path.join(workDir, "devhost.log"),
      env: {
        ...baseEnv,
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
        EMPORIUM_DATA_DIR: path.join(workDir, "data"),
        SEED_PRODUCTS: "120",
        HOST: "127.0.0.1",
        CATALOG_PORT: String(catalogPort),
        ORDERS_PORT: String(ordersPort),
        IDENTITY_PORT: String(identityPort),
        INVENTORY_PORT: String(inventoryPort),
        SERVICE_TOKEN_SECRET: serviceTokenSecret,
        OIDC_ISSUER: oidc.issuer,
        OIDC_CLIENT_ID: oidc.clientId,
        PSP_URL: pspUrl,
        // Orders reach "shipped" (and so get paid) within a second or two.
        CARRIER_STEP_MS: "300",
        LOG_LEVEL: "warn",
      },
    });
    cleanups.push(() => backend.stop());
    const catalogOrigin = `http://127.0.0.1:${catalogPort}`;
    const identityOrigin = `http://127.0.0.1:${identityPort}`;
    const ordersUrl = `http://127.0.0.1:${ordersPort}/trpc`;
    const inventoryOrigin = `http://127.0.0.1:${inventoryPort}`;
    const adminUrl = `http://127.0.0.1:${adminPort}`;
    const adminEnv: NodeJS.ProcessEnv = {
      ...baseEnv,
      NODE_ENV: "production",
      CATALOG_URL: `${catalogOrigin}/trpc`,
      IDENTITY_URL: `${identityOrigin}/trpc`,
      OIDC_ISSUER: oidc.issuer,
      OIDC_CLIENT_ID: oidc.clientId,
      OIDC_CLIENT_SECRET: oidc.clientSecret,
      OIDC_NAME: "Test provider",
      ORDERS_URL: ordersUrl,
      INVENTORY_URL: `${inventoryOrigin}/trpc`,
      SERVICE_TOKEN_SECRET: serviceTokenSecret,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: adminUrl,
    };
    const webPort = await freePort();
    const webUrl = `http://127.0.0.1:${webPort}`;
    const webEnv: NodeJS.ProcessEnv = {
      ...baseEnv,
      NODE_ENV: "production",
      CATALOG_URL: `${catalogOrigin}/trpc`,
      ORDERS_URL: ordersUrl,
      IDENTITY_URL: `${identityOrigin}/trpc`,
      PSP_URL: pspUrl,
      SITE_URL: webUrl,
      SERVICE_TOKEN_SECRET: serviceTokenSecret,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: webUrl,
    };
    const prepared = await Promise.allSettled([
      runToCompletion("next build", bin("next"), ["build"], {
        cwd: adminDir,
        logFile: path.join(workDir, "next-build.log"),
        env: adminEnv,
      }),
      runToCompletion("next build (web)", bin("next"), ["build"], {
        cwd: webDir,
        logFile: path.join(workDir, "web-build.log"),
        env: webEnv,
      }),
      waitUntilServing(backend, `${catalogOrigin}/readyz`, 10 * 60_000)
        .then(() => waitUntilServing(backend, `${identityOrigin}/readyz`, 60_000))
        .then(() => waitUntilServing(backend, `${inventoryOrigin}/readyz`, 60_000)),
      waitUntilServing(psp, `${pspUrl}/healthz`, 60_000),
    ]);
    const failure = prepared.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failure) throw failure.reason;

    const admin = startChild(
      "next start",
      bin("next"),
      ["start", "--hostname", "127.0.0.1", "--port", String(adminPort)],
      {
        cwd: adminDir,
        logFile: path.join(workDir, "next-start.log"),
        env: adminEnv,
      },
    );
    cleanups.push(() => admin.stop());
    const web = startChild(
      "next start (web)",
      bin("next"),
      ["start", "--hostname", "127.0.0.1", "--port", String(webPort)],
      { cwd: webDir, logFile: path.join(workDir, "web-start.log"), env: webEnv },
    );
    cleanups.push(() => web.stop());
    await waitUntilServing(admin, `${adminUrl}/signin`, 60_000);
    await waitUntilServing(web, `${webUrl}/robots.txt`, 60_000);

    project.provide("adminUrl", adminUrl);
    project.provide("webUrl", webUrl);
    project.provide("oidcIssuer", oidc.issuer);
    project.provide("catalogUrl", `${catalogOrigin}/trpc`);
    project.provide("ordersUrl", ordersUrl);
    project.provide("pspUrl", pspUrl);
    project.provide("serviceTokenSecret", serviceTokenSecret);
    project.provide("inventoryUrl", `${inventoryOrigin}/trpc`);
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}
