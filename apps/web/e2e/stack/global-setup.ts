// Starts everything the browser tests need and removes it afterwards, also when a step fails:
//   1. the payment provider simulator (services/psp) on a free port;
//   2. the development host (services/devhost: catalog, orders and the inventory, payment and
//      fulfillment workers in one process) on free ports with a fresh data directory (embedded
//      PGlite), or on a scratch PostgreSQL database when TEST_DATABASE_URL is set; it migrates and
//      seeds itself, and its simulated carrier moves every few hundred milliseconds;
//   3. `next build` of the storefront pointed at them (rewrites are fixed at build time);
//   4. `next start` on a free port.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { createScratchDatabase } from "@emporium/db/testing";
import { startOidcProvider } from "@emporium/testkit/oidc";
import { freePort, runToCompletion, startChild, waitUntilServing } from "@emporium/testkit/processes";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    oidcIssuer: string;
    catalogUrl: string;
    ordersUrl: string;
    pspUrl: string;
  }
}

const webDir = fileURLToPath(new URL("../..", import.meta.url));
const repoDir = path.resolve(webDir, "../..");
const devhostDir = path.join(repoDir, "services/devhost");
const pspDir = path.join(repoDir, "services/psp");
const bin = (name: string) => path.join(repoDir, "node_modules/.bin", name);

const WIRING =
  /_URL$|_BROKERS$|_SERVERS$|^S3_|^MEDIA_DIR$|^CATALOG_|^ORDERS_|^PSP_|^HOST$|^EMPORIUM_|^SEED|^CARRIER_|^RESERVATION_|^SITE_URL$|^IDENTITY_|^INVENTORY_|^SERVICE_TOKEN|^NEXTAUTH_|^OIDC_|^PORT$|^NODE_ENV$/;
const BACKEND_READY_MS = 10 * 60_000;
const PSP_READY_MS = 60_000;
const WEB_READY_MS = 60_000;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cleanups: (() => Promise<void>)[] = [];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((err: unknown) => console.error(err));
    cleanups.length = 0;
  };
  const onSignal = () => void teardown().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  cleanups.push(async () => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  });

  try {
    const workDir = await mkdtemp(path.join(tmpdir(), "emporium-e2e-"));
    cleanups.push(() => rm(workDir, { recursive: true, force: true }));

    // Nothing from the developer's shell may wire the stack to other servers (a database, brokers,
    // caches, object storage, another catalog or orders service): the backend runs on its embedded
    // defaults.
    const baseEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
    for (const key of Object.keys(baseEnv)) if (WIRING.test(key)) delete baseEnv[key];

    let databaseUrl: string | undefined;
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (adminUrl) {
      const scratch = await createScratchDatabase(adminUrl, "emporium_e2e");
      cleanups.push(scratch.drop);
      databaseUrl = scratch.url;
    }

    const pspPort = await freePort();
    const psp = startChild("psp", bin("tsx"), ["src/main.ts"], {
      cwd: pspDir,
      logFile: path.join(workDir, "psp.log"),
      env: { ...baseEnv, PSP_HOST: "127.0.0.1", PSP_PORT: String(pspPort), LOG_LEVEL: "warn" },
    });
    cleanups.push(() => psp.stop());
    const pspUrl = `http://127.0.0.1:${pspPort}`;

    const catalogPort = await freePort();
    const ordersPort = await freePort();
    const identityPort = await freePort();
    const webPort = await freePort();
    const serviceTokenSecret = randomBytes(32).toString("base64url");
    // A real OpenID Connect provider, for shoppers' single sign-on.
    const oidc = await startOidcProvider({
      port: await freePort(),
      redirectUri: `http://127.0.0.1:${webPort}/api/auth/callback/oidc`,
      clientId: "emporium-web-e2e",
    });
    cleanups.push(oidc.close);
    const backend = startChild("devhost", bin("tsx"), ["src/main.ts"], {
      cwd: devhostDir,
      logFile: path.join(workDir, "devhost.log"),
      env: {
        ...baseEnv,
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
        EMPORIUM_DATA_DIR: path.join(workDir, "data"),
        SEED_PRODUCTS: "240",
        HOST: "127.0.0.1",
        CATALOG_PORT: String(catalogPort),
        ORDERS_PORT: String(ordersPort),
        IDENTITY_PORT: String(identityPort),
        INVENTORY_PORT: String(await freePort()),
        SERVICE_TOKEN_SECRET: serviceTokenSecret,
        OIDC_ISSUER: oidc.issuer,
        OIDC_CLIENT_ID: oidc.clientId,
        PSP_URL: pspUrl,
        CARRIER_STEP_MS: "300",
        LOG_LEVEL: "warn",
      },
    });
    cleanups.push(() => backend.stop());
    const catalogOrigin = `http://127.0.0.1:${catalogPort}`;
    const catalogUrl = `${catalogOrigin}/trpc`;
    const ordersOrigin = `http://127.0.0.1:${ordersPort}`;
    const ordersUrl = `${ordersOrigin}/trpc`;

    const identityOrigin = `http://127.0.0.1:${identityPort}`;
    const webEnv = {
      ...baseEnv,
      CATALOG_URL: catalogUrl,
      ORDERS_URL: ordersUrl,
      IDENTITY_URL: `${identityOrigin}/trpc`,
      PSP_URL: pspUrl,
      SITE_URL: `http://127.0.0.1:${webPort}`,
      SERVICE_TOKEN_SECRET: serviceTokenSecret,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: `http://127.0.0.1:${webPort}`,
      OIDC_ISSUER: oidc.issuer,
      OIDC_CLIENT_ID: oidc.clientId,
      OIDC_CLIENT_SECRET: oidc.clientSecret,
      OIDC_NAME: "Test provider",
    };
    // The build needs no backend, so it runs while the catalog seeds.
    const prepared = await Promise.allSettled([
      runToCompletion("next build", bin("next"), ["build"], {
        cwd: webDir,
        logFile: path.join(workDir, "next-build.log"),
        env: { ...webEnv, NODE_ENV: "production" },
      }),
      waitUntilServing(psp, `${pspUrl}/healthz`, PSP_READY_MS),
      waitUntilServing(backend, `${catalogOrigin}/readyz`, BACKEND_READY_MS).then(() =>
        waitUntilServing(backend, `${ordersOrigin}/readyz`, BACKEND_READY_MS).then(() =>
          waitUntilServing(backend, `${identityOrigin}/readyz`, BACKEND_READY_MS),
        ),
      ),
    ]);
    const failure = prepared.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failure) throw failure.reason;

    const web = startChild(
      "next start",
      bin("next"),
      ["start", "--hostname", "127.0.0.1", "--port", String(webPort)],
      {
        cwd: webDir,
        logFile: path.join(workDir, "next-start.log"),
        env: { ...webEnv, NODE_ENV: "production" },
      },
    );
    cleanups.push(() => web.stop());
    const baseUrl = `http://127.0.0.1:${webPort}`;
    await waitUntilServing(web, `${baseUrl}/robots.txt`, WEB_READY_MS);

    project.provide("baseUrl", baseUrl);
    project.provide("oidcIssuer", oidc.issuer);
    project.provide("catalogUrl", catalogUrl);
    project.provide("ordersUrl", ordersUrl);
    project.provide("pspUrl", pspUrl);
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}
