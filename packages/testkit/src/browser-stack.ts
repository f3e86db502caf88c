// The stack the apps' browser tests run against, started once per run and removed afterwards — also when
// a step fails or the run is interrupted:
//   1. the payment provider simulator (services/psp), so orders placed by the tests get paid;
//   2. a real OpenID Connect provider, for the app whose single sign-on the tests drive;
//   3. the development host (services/devhost: catalog, orders, identity, inventory, reviews, audit and
//      the workers in one process) on free ports with a fresh data directory (embedded PGlite), or on a scratch
//      PostgreSQL database when TEST_DATABASE_URL is set; it migrates and seeds itself (with the local
//      staff accounts), and its simulated carrier moves every 300 ms, so orders ship within seconds;
//   4. `next build` of each app under test (while the backend seeds: a build needs no backend — rewrites
//      are fixed at build time, so it gets the backend's URLs), then `next start` of each on a free port.
// The apps and the backends share a service-token secret made for this run. Each app's global setup only
// says which apps, how many products, which app signs in through OIDC, and what it hands its tests.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runToCompletion, startChild, waitUntilServing } from "./child-process";
import { freePort } from "./free-port";
import { startOidcProvider } from "./oidc-provider";

/** The backends' tRPC endpoints and what the apps and tests share with them. */
export interface StackBackends {
  catalogUrl: string;
  ordersUrl: string;
  identityUrl: string;
  inventoryUrl: string;
  reviewsUrl: string;
  /** The staff audit log (the admin's Activity page). */
  auditUrl: string;
  pspUrl: string;
  oidcIssuer: string;
  serviceTokenSecret: string;
}

interface AppSpec {
  /** Answers 2xx once `next start` serves the app. */
  readyPath: string;
  /** What this app reads beyond the wiring every app gets (backend URLs, service token, NextAuth). */
  env(backends: StackBackends, appUrl: string): Record<string, string>;
}

const APPS = {
  web: {
    readyPath: "/robots.txt",
    env: (backends, appUrl) => ({ PSP_URL: backends.pspUrl, SITE_URL: appUrl }),
  },
  admin: {
    readyPath: "/signin",
    // The operations console also watches the payment provider (the workers run inside the development
    // host, which serves no ops port of theirs: the console says they are not watched).
    env: (backends) => ({
      INVENTORY_URL: backends.inventoryUrl,
      AUDIT_URL: backends.auditUrl,
      PSP_URL: backends.pspUrl,
    }),
  },
} satisfies Record<string, AppSpec>;

export type AppName = keyof typeof APPS;

export interface BrowserStackOptions<A extends AppName> {
  /** The apps to build and start (each under apps/<name>). */
  apps: readonly A[];
  /** The app whose next-auth is the OpenID Connect client; its tests drive the sign-in. */
  singleSignOn: A;
  /** How many products the backend seeds. */
  seedProducts: number;
  /**
   * Makes a scratch PostgreSQL database from TEST_DATABASE_URL's server (`createScratchDatabase` of
   * `@emporium/db/testing`, passed in because that package depends on this one).
   */
  scratchDatabase(adminUrl: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }>;
  /**
   * The payment worker's waits (ms) before each retry of a capture or refund (PAYMENT_RETRY_DELAYS_MS);
   * unset: its two-hour default. A short one dead-letters a capture refused by the provider in seconds.
   */
  paymentRetryDelaysMs?: readonly number[];
}

export interface BrowserStack<A extends AppName> extends StackBackends {
  /** The origin an app under test serves on, e.g. `http://127.0.0.1:41234`. */
  urlOf(app: A): string;
  /**
   * What `next start` of an app runs with beyond the developer's own (unwired) environment: the backends'
   * URLs, the service-token secret, NextAuth's and the app's own settings — for a test that starts another
   * instance of the same build with one thing changed (see startAppInstance).
   */
  wiringOf(app: A): Record<string, string>;
  /** Stops everything started, in reverse order; safe to call twice. */
  stop(): Promise<void>;
}

/** The monorepo's root folder (the services and apps are started from their own folders in it). */
export const REPO_DIR = fileURLToPath(new URL("../../..", import.meta.url));
const bin = (name: string) => path.join(REPO_DIR, "node_modules/.bin", name);

// Nothing from the developer's shell may wire the stack to other servers (a database, brokers, caches,
// object storage, other backends): the backend runs on its embedded defaults.
const WIRING =
  /_URL$|_BROKERS$|_SERVERS$|^S3_|^MEDIA_DIR$|^CATALOG_|^ORDERS_|^IDENTITY_|^INVENTORY_|^REVIEWS_|^AUDIT_|^PSP_|^HOST$|^EMPORIUM_|^SEED|^CARRIER_|^RESERVATION_|^SITE_URL$|^SERVICE_TOKEN|^NEXTAUTH_|^OIDC_|^PORT$|^NODE_ENV$/;
const BACKEND_READY_MS = 10 * 60_000;
const READY_MS = 60_000;

const origin = (port: number) => `http://127.0.0.1:${port}`;

/** The developer's environment without anything that would wire the stack elsewhere. */
export function unwiredEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = { ...env, NEXT_TELEMETRY_DISABLED: "1" };
  for (const key of Object.keys(clean)) if (WIRING.test(key)) delete clean[key];
  return clean;
}

/** What `next build` and `next start` of `app` run with. */
export function appEnv(options: {
  app: AppName;
  appUrl: string;
  baseEnv: NodeJS.ProcessEnv;
  backends: StackBackends;
  /** Set for the app whose tests sign in through the OIDC provider. */
  oidc: { clientId: string; clientSecret: string } | null;
}): NodeJS.ProcessEnv {
  const { app, appUrl, backends, oidc } = options;
  return {
    ...options.baseEnv,
    NODE_ENV: "production",
    CATALOG_URL: backends.catalogUrl,
    ORDERS_URL: backends.ordersUrl,
    IDENTITY_URL: backends.identityUrl,
    REVIEWS_URL: backends.reviewsUrl,
    SERVICE_TOKEN_SECRET: backends.serviceTokenSecret,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: appUrl,
    ...(oidc
      ? {
          OIDC_ISSUER: backends.oidcIssuer,
          OIDC_CLIENT_ID: oidc.clientId,
          OIDC_CLIENT_SECRET: oidc.clientSecret,
          OIDC_NAME: "Test provider",
        }
      : {}),
    ...APPS[app].env(backends, appUrl),
  };
}

export async function startBrowserStack<A extends AppName>(
  options: BrowserStackOptions<A>,
): Promise<BrowserStack<A>> {
  // Names the temporary folder, the scratch database and the OIDC client after the app under test.
  const label = `${options.singleSignOn}-e2e`;
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((err: unknown) => console.error(err));
    cleanups.length = 0;
  };
  // Ctrl-C during a run must not leave servers behind holding ports and data.
  const onSignal = () => void stop().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  cleanups.push(async () => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  });

  try {
    const workDir = await mkdtemp(path.join(tmpdir(), `emporium-${label}-`));
    cleanups.push(() => rm(workDir, { recursive: true, force: true }));
    const log = (name: string) => path.join(workDir, `${name}.log`);

    const baseEnv = unwiredEnv(process.env);

    let databaseUrl: string | undefined;
    if (process.env.TEST_DATABASE_URL) {
      const scratch = await options.scratchDatabase(
        process.env.TEST_DATABASE_URL,
        `emporium_${label.replace(/-/g, "_")}`,
      );
      cleanups.push(scratch.drop);
      databaseUrl = scratch.url;
    }

    const pspPort = await freePort();
    const psp = startChild("psp", bin("tsx"), ["src/main.ts"], {
      cwd: path.join(REPO_DIR, "services/psp"),
      logFile: log("psp"),
      env: { ...baseEnv, PSP_HOST: "127.0.0.1", PSP_PORT: String(pspPort), LOG_LEVEL: "warn" },
    });
    cleanups.push(() => psp.stop());

    const ports = {
      catalog: await freePort(),
      orders: await freePort(),
      identity: await freePort(),
      inventory: await freePort(),
      reviews: await freePort(),
      audit: await freePort(),
    };
    const apps: { name: A; port: number; url: string }[] = [];
    for (const name of options.apps) {
      const port = await freePort();
      apps.push({ name, port, url: origin(port) });
    }
    const signingIn = apps.find((app) => app.name === options.singleSignOn);
    if (!signingIn) throw new Error(`singleSignOn names ${options.singleSignOn}, which is not started`);

    // The OIDC provider knows one client: the app whose tests sign in through it.
    const oidc = await startOidcProvider({
      port: await freePort(),
      redirectUri: `${signingIn.url}/api/auth/callback/oidc`,
      clientId: `emporium-${label}`,
    });
    cleanups.push(oidc.close);

    const backends: StackBackends = {
      catalogUrl: `${origin(ports.catalog)}/trpc`,
      ordersUrl: `${origin(ports.orders)}/trpc`,
      identityUrl: `${origin(ports.identity)}/trpc`,
      inventoryUrl: `${origin(ports.inventory)}/trpc`,
      reviewsUrl: `${origin(ports.reviews)}/trpc`,
      auditUrl: `${origin(ports.audit)}/trpc`,
      pspUrl: origin(pspPort),
      oidcIssuer: oidc.issuer,
      serviceTokenSecret: randomBytes(32).toString("base64url"),
    };

    const backend = startChild("devhost", bin("tsx"), ["src/main.ts"], {
      cwd: path.join(REPO_DIR, "services/devhost"),
      logFile: log("devhost"),
      env: {
        ...baseEnv,
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
        EMPORIUM_DATA_DIR: path.join(workDir, "data"),
        SEED_PRODUCTS: String(options.seedProducts),
        HOST: "127.0.0.1",
        CATALOG_PORT: String(ports.catalog),
        ORDERS_PORT: String(ports.orders),
        IDENTITY_PORT: String(ports.identity),
        INVENTORY_PORT: String(ports.inventory),
        REVIEWS_PORT: String(ports.reviews),
        AUDIT_PORT: String(ports.audit),
        SERVICE_TOKEN_SECRET: backends.serviceTokenSecret,
        OIDC_ISSUER: oidc.issuer,
        OIDC_CLIENT_ID: oidc.clientId,
        PSP_URL: backends.pspUrl,
        // Orders reach "shipped" (and so get paid) within a second or two.
        CARRIER_STEP_MS: "300",
        // The operations console lists every unfinished order as stuck at once (and lets staff retry it).
        ORDERS_STUCK_AFTER_MINUTES: "0",
        ...(options.paymentRetryDelaysMs
          ? { PAYMENT_RETRY_DELAYS_MS: options.paymentRetryDelaysMs.join(",") }
          : {}),
        LOG_LEVEL: "warn",
      },
    });
    cleanups.push(() => backend.stop());

    // One environment per app for both its build and its start (the same NextAuth secret in each).
    const targets = apps.map((app) => ({
      ...app,
      dir: path.join(REPO_DIR, "apps", app.name),
      env: appEnv({
        app: app.name,
        appUrl: app.url,
        baseEnv,
        backends,
        oidc: app === signingIn ? oidc : null,
      }),
    }));

    const prepared = await Promise.allSettled([
      ...targets.map((app) =>
        runToCompletion(`next build (${app.name})`, bin("next"), ["build"], {
          cwd: app.dir,
          logFile: log(`${app.name}-build`),
          env: app.env,
        }),
      ),
      waitUntilServing(psp, `${backends.pspUrl}/healthz`, READY_MS),
      (async () => {
        for (const port of Object.values(ports))
          await waitUntilServing(backend, `${origin(port)}/readyz`, BACKEND_READY_MS);
      })(),
    ]);
    const failure = prepared.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failure) throw failure.reason;

    const started = targets.map((app) => {
      const child = startChild(
        `next start (${app.name})`,
        bin("next"),
        ["start", "--hostname", "127.0.0.1", "--port", String(app.port)],
        { cwd: app.dir, logFile: log(`${app.name}-start`), env: app.env },
      );
      cleanups.push(() => child.stop());
      return { app, child };
    });
    for (const { app, child } of started)
      await waitUntilServing(child, `${app.url}${APPS[app.name].readyPath}`, READY_MS);

    const targetOf = (name: A) => {
      const app = targets.find((a) => a.name === name);
      if (!app) throw new Error(`${name} is not part of this stack`);
      return app;
    };
    const urlOf = (name: A) => targetOf(name).url;
    const wiringOf = (name: A) => {
      const wiring: Record<string, string> = {};
      for (const [key, value] of Object.entries(targetOf(name).env))
        if (value !== undefined && baseEnv[key] !== value) wiring[key] = value;
      return wiring;
    };
    return { ...backends, urlOf, wiringOf, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export interface AppInstance {
  /** Its origin, e.g. `http://127.0.0.1:41234`. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Another `next start` of an app the stack has built (apps/<name>/.next), on a free port, with the
 * environment `env` gives for the instance's origin on top of the developer's unwired one — e.g. the
 * stack's `wiringOf(app)` with one backend's URL changed. Answers once the app serves.
 */
export async function startAppInstance(options: {
  app: AppName;
  env(appUrl: string): Record<string, string>;
}): Promise<AppInstance> {
  const { app } = options;
  const port = await freePort();
  const url = origin(port);
  const logDir = await mkdtemp(path.join(tmpdir(), `emporium-${app}-instance-`));
  const child = startChild(
    `next start (another ${app})`,
    bin("next"),
    ["start", "--hostname", "127.0.0.1", "--port", String(port)],
    {
      cwd: path.join(REPO_DIR, "apps", app),
      logFile: path.join(logDir, "start.log"),
      env: { ...unwiredEnv(process.env), ...options.env(url) },
    },
  );
  const stop = async () => {
    await child.stop();
    await rm(logDir, { recursive: true, force: true });
  };
  try {
    await waitUntilServing(child, `${url}${APPS[app].readyPath}`, READY_MS);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
