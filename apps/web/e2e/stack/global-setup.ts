// Starts everything the browser tests need and removes it afterwards, also when a step fails:
//   1. the catalog on a free port with a fresh data directory (embedded PGlite), or on a scratch
//      PostgreSQL database when TEST_DATABASE_URL is set; it migrates and seeds itself (400 products);
//   2. `next build` of the storefront pointed at that catalog (rewrites are fixed at build time);
//   3. `next start` on a free port.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { createScratchDatabase } from "@emporium/db/testing";
import { waitFor } from "@emporium/testkit";
import { logTail, runToCompletion, startChild, type Child } from "./child-process";
import { freePort } from "./free-port";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    catalogUrl: string;
  }
}

const webDir = fileURLToPath(new URL("../..", import.meta.url));
const repoDir = path.resolve(webDir, "../..");
const catalogDir = path.join(repoDir, "services/catalog");
const bin = (name: string) => path.join(repoDir, "node_modules/.bin", name);

const WIRING = /_URL$|_BROKERS$|_SERVERS$|^S3_|^MEDIA_DIR$|^CATALOG_|^SITE_URL$|^PORT$|^NODE_ENV$/;
const CATALOG_READY_MS = 10 * 60_000;
const WEB_READY_MS = 60_000;

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** Polls `url` until it answers 2xx, failing early (with the log) if the process dies. */
async function waitUntilServing(child: Child, url: string, timeoutMs: number): Promise<void> {
  try {
    await waitFor(
      async () => {
        if (child.hasExited()) throw new Error(`${child.name} exited before it was ready`);
        return answers(url);
      },
      { timeoutMs, intervalMs: 500, what: `${child.name} at ${url}` },
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${reason}\n--- ${child.name} log ---\n${await logTail(child.logFile)}`);
  }
}

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
    // caches, object storage, another catalog): the catalog runs on its embedded defaults.
    const baseEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
    for (const key of Object.keys(baseEnv)) if (WIRING.test(key)) delete baseEnv[key];

    let databaseUrl: string | undefined;
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (adminUrl) {
      const scratch = await createScratchDatabase(adminUrl, "emporium_e2e");
      cleanups.push(scratch.drop);
      databaseUrl = scratch.url;
    }

    const catalogPort = await freePort();
    const catalog = startChild("catalog", bin("tsx"), ["src/main.ts"], {
      cwd: catalogDir,
      logFile: path.join(workDir, "catalog.log"),
      env: {
        ...baseEnv,
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
        EMPORIUM_DATA_DIR: path.join(workDir, "data"),
        SEED_PRODUCTS: "400",
        CATALOG_HOST: "127.0.0.1",
        CATALOG_PORT: String(catalogPort),
        LOG_LEVEL: "warn",
      },
    });
    cleanups.push(() => catalog.stop());
    const catalogOrigin = `http://127.0.0.1:${catalogPort}`;
    const catalogUrl = `${catalogOrigin}/trpc`;

    const webPort = await freePort();
    const webEnv = { ...baseEnv, CATALOG_URL: catalogUrl, SITE_URL: `http://127.0.0.1:${webPort}` };
    // The build needs no catalog, so it runs while the catalog seeds.
    const prepared = await Promise.allSettled([
      runToCompletion("next build", bin("next"), ["build"], {
        cwd: webDir,
        logFile: path.join(workDir, "next-build.log"),
        env: { ...webEnv, NODE_ENV: "production" },
      }),
      waitUntilServing(catalog, `${catalogOrigin}/readyz`, CATALOG_READY_MS),
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
    project.provide("catalogUrl", catalogUrl);
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}
