// The gateway in front of real processes, as CI runs it: two catalog instances on a fresh, seeded
// PostgreSQL database, two storefront instances (`next start` of the built apps/web, told that they
// are served at https://<shop host>), and HAProxy with infra/gateway/haproxy.cfg in explicit mode
// with a certificate made for the run. The storefronts reach the catalog through the gateway's
// internal listener, balanced over its healthy instances as a Kubernetes Service would.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrate, openDatabase } from "@emporium/db";
import { createScratchDatabase } from "@emporium/db/testing";
import { seed } from "@emporium/seed";
import { waitFor } from "@emporium/testkit";
import { appEnv, unwiredEnv } from "@emporium/testkit/browser-stack";
import { freePort } from "@emporium/testkit/processes";
import { makeCertificate, type TestCertificate } from "./certificate";
import { metric, startGateway, type GatewayPorts } from "./haproxy";
import { Instance, REPO_DIR } from "./instance";

export const SHOP_HOST = "shop.test";
export const ADMIN_HOST = "admin.test";

const WEB_DIR = path.join(REPO_DIR, "apps/web");
const NEXT_BIN = path.join(REPO_DIR, "node_modules/next/dist/bin/next");
/** How long an instance told to stop keeps serving while /readyz answers 503. */
export const DRAIN_MS = 3_000;
/** Nothing listens here: backends the storefront may call but this test does not start. */
const NOWHERE = "http://127.0.0.1:9";

/** Whether apps/web has been built (`npm run build`), which `next start` needs. */
export function storefrontBuilt(): boolean {
  return existsSync(path.join(WEB_DIR, ".next/BUILD_ID"));
}

export interface Upstream {
  /** The gateway's name for it (backend/server), as its metrics label it. */
  proxy: "web" | "catalog";
  server: string;
  port: number;
  instance: Instance;
  /** Answers 200 on /readyz. */
  ready(): Promise<boolean>;
}

export interface GatewayStack {
  ports: GatewayPorts;
  certificate: TestCertificate;
  gateway: Instance;
  catalogs: Upstream[];
  webs: Upstream[];
  /** Product slugs of the seeded shop. */
  slugs: string[];
  /** The shop as a browser addresses it, e.g. https://shop.test:41234/p/x. */
  shopUrl(pathAndQuery: string, scheme?: "https" | "http"): string;
  /** Whether the gateway's health checks have `upstream` in rotation. */
  inRotation(upstream: Upstream): Promise<boolean>;
  /** Starts a killed upstream again and waits until it is ready. */
  restart(upstream: Upstream): Promise<void>;
  stop(): Promise<void>;
}

async function answersOk(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

export async function startGatewayStack(options: {
  haproxy: string;
  databaseAdminUrl: string;
  products: number;
}): Promise<GatewayStack> {
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((err: unknown) => console.error(err));
    cleanups.length = 0;
  };
  try {
    const workDir = await mkdtemp(path.join(tmpdir(), "emporium-gateway-"));
    cleanups.push(() =>
      process.env.KEEP_GATEWAY_LOGS ? Promise.resolve() : rm(workDir, { recursive: true, force: true }),
    );
    const log = (name: string) => path.join(workDir, `${name}.log`);
    const certificate = await makeCertificate(workDir, [SHOP_HOST, ADMIN_HOST]);

    const scratch = await createScratchDatabase(options.databaseAdminUrl, "emporium_gateway");
    cleanups.push(scratch.drop);
    const db = await openDatabase({ databaseUrl: scratch.url, poolSize: 2 });
    try {
      await migrate(db);
      await seed(db, { seed: 17, products: options.products, store: null });
    } finally {
      await db.close();
    }

    const ports: GatewayPorts = {
      http: await freePort(),
      https: await freePort(),
      metrics: await freePort(),
    };
    const internalPort = await freePort();
    const shopOrigin = `https://${SHOP_HOST}:${ports.https}`;
    const serviceTokenSecret = randomBytes(32).toString("base64url");
    const baseEnv = unwiredEnv(process.env);

    const upstreams: Upstream[] = [];
    const addUpstream = (proxy: Upstream["proxy"], index: number, port: number, instance: Instance) => {
      const upstream: Upstream = {
        proxy,
        server: `${proxy}${index}`,
        port,
        instance,
        ready: () => answersOk(`http://127.0.0.1:${port}/readyz`),
      };
      upstreams.push(upstream);
      cleanups.push(() => instance.stop());
      return upstream;
    };

    const catalogs = [];
    for (const index of [1, 2]) {
      const port = await freePort();
      const dataDir = path.join(workDir, `catalog${index}`);
      mkdirSync(dataDir);
      const instance = new Instance(`catalog${index}`, process.execPath, ["--import", "tsx", "src/main.ts"], {
        cwd: path.join(REPO_DIR, "services/catalog"),
        logFile: log(`catalog${index}`),
        env: {
          ...baseEnv,
          NODE_ENV: "production",
          DATABASE_URL: scratch.url,
          CATALOG_HOST: "127.0.0.1",
          CATALOG_PORT: String(port),
          MIGRATE_ON_START: "0",
          SEED_ON_START: "0",
          EMPORIUM_DATA_DIR: dataDir,
          SERVICE_TOKEN_SECRET: serviceTokenSecret,
          LOG_LEVEL: "warn",
          SHUTDOWN_DRAIN_MS: String(DRAIN_MS),
        },
      });
      catalogs.push(addUpstream("catalog", index, port, instance));
    }

    const webs = [];
    for (const index of [1, 2]) {
      const port = await freePort();
      const env = appEnv({
        app: "web",
        appUrl: shopOrigin,
        baseEnv,
        oidc: null,
        backends: {
          catalogUrl: `http://127.0.0.1:${internalPort}/trpc`,
          ordersUrl: NOWHERE,
          identityUrl: NOWHERE,
          inventoryUrl: NOWHERE,
          reviewsUrl: NOWHERE,
          auditUrl: NOWHERE,
          pspUrl: NOWHERE,
          oidcIssuer: NOWHERE,
          serviceTokenSecret,
        },
      });
      const instance = new Instance(
        `web${index}`,
        process.execPath,
        [NEXT_BIN, "start", "--hostname", "127.0.0.1", "--port", String(port)],
        // As the start script and the image run it: SIGTERM drains (see apps/web/src/instrumentation.ts).
        {
          cwd: WEB_DIR,
          logFile: log(`web${index}`),
          env: { ...env, NEXT_MANUAL_SIG_HANDLE: "1", SHUTDOWN_DRAIN_MS: String(DRAIN_MS) },
        },
      );
      webs.push(addUpstream("web", index, port, instance));
    }

    const waitReady = (upstream: Upstream, timeoutMs: number) =>
      waitFor(
        async () => {
          if (upstream.instance.exited())
            throw new Error(`${upstream.server} exited:\n${upstream.instance.tail()}`);
          return upstream.ready();
        },
        { timeoutMs, intervalMs: 250, what: `${upstream.server} to be ready` },
      );

    for (const upstream of upstreams) upstream.instance.start();
    const [catalog1, catalog2] = catalogs;
    const [web1, web2] = webs;
    if (!catalog1 || !catalog2 || !web1 || !web2) throw new Error("two of each upstream");
    const gateway = await startGateway({
      binary: options.haproxy,
      name: "gateway",
      ports,
      logFile: log("gateway"),
      env: {
        GATEWAY_SHOP_HOST: SHOP_HOST,
        GATEWAY_ADMIN_HOST: ADMIN_HOST,
        GATEWAY_CERT: certificate.pemFile,
        GATEWAY_INTERNAL_BIND: `127.0.0.1:${internalPort}`,
        WEB_1: `127.0.0.1:${web1.port}`,
        WEB_2: `127.0.0.1:${web2.port}`,
        CATALOG_1: `127.0.0.1:${catalog1.port}`,
        CATALOG_2: `127.0.0.1:${catalog2.port}`,
        // No admin in this stack: its backend stays down, and nothing here asks for it.
        ADMIN_1: NOWHERE.slice("http://".length),
        // The steady traffic below comes from one address; the limits have their own test.
        GATEWAY_RATE_PAGES: "1000000",
        GATEWAY_RATE_API: "1000000",
      },
    });
    cleanups.push(() => gateway.stop());
    for (const upstream of upstreams) await waitReady(upstream, 120_000);

    const inRotation = async (upstream: Upstream) =>
      (await metric(ports.metrics, "haproxy_server_status", {
        proxy: upstream.proxy,
        server: upstream.server,
        state: "UP",
      })) === 1;
    for (const upstream of upstreams)
      await waitFor(() => inRotation(upstream), {
        timeoutMs: 10_000,
        what: `${upstream.server} in rotation`,
      });

    const listing = await fetch(
      `http://127.0.0.1:${catalog1.port}/trpc/product.list?input=${encodeURIComponent(JSON.stringify({ limit: 20 }))}`,
    );
    const body = (await listing.json()) as { result: { data: { items: { slug: string }[] } } };
    const slugs = body.result.data.items.map((item) => item.slug);

    return {
      ports,
      certificate,
      gateway,
      catalogs,
      webs,
      slugs,
      shopUrl: (pathAndQuery, scheme = "https") =>
        `${scheme}://${SHOP_HOST}:${scheme === "https" ? ports.https : ports.http}${pathAndQuery}`,
      inRotation,
      async restart(upstream) {
        upstream.instance.start();
        await waitReady(upstream, 120_000);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
