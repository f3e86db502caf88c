// Starts what the admin's browser tests need and removes it afterwards, also when a step fails:
//   1. the development host (catalog, orders, identity and the workers in one process) on free ports
//      with a fresh data directory (embedded PGlite), or on a scratch PostgreSQL database when
//      TEST_DATABASE_URL is set; it migrates, seeds and creates the local staff accounts;
//   2. `next build` of the admin (while the backend seeds), then `next start` on a free port.
// The admin and the backends share a service-token secret made for this run.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { createScratchDatabase } from "@emporium/db/testing";
import { freePort, runToCompletion, startChild, waitUntilServing } from "@emporium/testkit/processes";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    catalogUrl: string;
    serviceTokenSecret: string;
  }
}

const adminDir = fileURLToPath(new URL("..", import.meta.url));
const repoDir = path.resolve(adminDir, "../..");
const bin = (name: string) => path.join(repoDir, "node_modules/.bin", name);

// Nothing from the developer's shell may wire this stack to other servers.
const WIRING =
  /_URL$|_BROKERS$|_SERVERS$|^S3_|^MEDIA_DIR$|^CATALOG_|^ORDERS_|^IDENTITY_|^PSP_|^HOST$|^EMPORIUM_|^SEED|^SERVICE_TOKEN|^NEXTAUTH_|^PORT$|^NODE_ENV$/;

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
    const [catalogPort, ordersPort, identityPort, adminPort] = [
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
    ];
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
        SERVICE_TOKEN_SECRET: serviceTokenSecret,
        LOG_LEVEL: "warn",
      },
    });
    cleanups.push(() => backend.stop());
    const catalogOrigin = `http://127.0.0.1:${catalogPort}`;
    const identityOrigin = `http://127.0.0.1:${identityPort}`;
    const adminUrl = `http://127.0.0.1:${adminPort}`;
    const adminEnv: NodeJS.ProcessEnv = {
      ...baseEnv,
      NODE_ENV: "production",
      CATALOG_URL: `${catalogOrigin}/trpc`,
      IDENTITY_URL: `${identityOrigin}/trpc`,
      SERVICE_TOKEN_SECRET: serviceTokenSecret,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: adminUrl,
    };
    const prepared = await Promise.allSettled([
      runToCompletion("next build", bin("next"), ["build"], {
        cwd: adminDir,
        logFile: path.join(workDir, "next-build.log"),
        env: adminEnv,
      }),
      waitUntilServing(backend, `${catalogOrigin}/readyz`, 10 * 60_000).then(() =>
        waitUntilServing(backend, `${identityOrigin}/readyz`, 60_000),
      ),
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
    await waitUntilServing(admin, `${adminUrl}/signin`, 60_000);

    project.provide("adminUrl", adminUrl);
    project.provide("catalogUrl", `${catalogOrigin}/trpc`);
    project.provide("serviceTokenSecret", serviceTokenSecret);
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}
