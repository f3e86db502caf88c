// Bench (a): warm product.list through the real catalog HTTP server vs a bare node:http server that
// returns the same bytes. Both run as child processes and are loaded identically with autocannon;
// the catalog's peak RSS (VmHWM) is read from /proc after the load. Building, starting and loading the
// catalog are exported for the other benches (bench/cache).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import autocannon from "autocannon";
import { intFromEnv, memoryOf, progress, type Figures } from "./stats";

export interface LoadOptions {
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
}

/** The load a bench applies per row: BENCH_CONNECTIONS (10), BENCH_DURATION (10 s), BENCH_WARMUP (2 s). */
export function loadOptionsFromEnv(): LoadOptions {
  return {
    connections: intFromEnv("BENCH_CONNECTIONS", 10),
    durationSeconds: intFromEnv("BENCH_DURATION", 10),
    warmupSeconds: intFromEnv("BENCH_WARMUP", 2),
  };
}

export interface HttpResult {
  catalog: Figures;
  bare: Figures;
  responseBytes: number;
  itemCount: number;
  catalogPeakRssMiB: number | null;
  catalogRssBeforeLoadMiB: number | null;
}

/** Reads a nested property of parsed JSON without trusting its shape. */
function pick(value: unknown, ...keys: string[]): unknown {
  let cur = value;
  for (const key of keys) {
    if (typeof cur !== "object" || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastNote = Date.now();
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`catalog exited with code ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet (it migrates and seeds first)
    }
    if (Date.now() - lastNote > 15_000) {
      progress(`still waiting for ${url} …`);
      lastNote = Date.now();
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`catalog not ready at ${url} after ${timeoutMs / 1000}s`);
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Warm-up, then the measured run; `extra` adds autocannon options (e.g. `requests` to vary the path). */
export async function load(
  label: string,
  url: string,
  opts: LoadOptions,
  extra: Partial<autocannon.Options> = {},
): Promise<Figures> {
  progress(`${label}: warm-up ${opts.warmupSeconds}s`);
  await autocannon({ ...extra, url, connections: opts.connections, duration: opts.warmupSeconds });
  progress(`${label}: measuring ${opts.durationSeconds}s with ${opts.connections} connections`);
  const r = await autocannon({
    ...extra,
    url,
    connections: opts.connections,
    duration: opts.durationSeconds,
  });
  return {
    label,
    perSecond: r.requests.average,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    count: r.requests.total,
    errors: r.errors + r.timeouts + r.non2xx,
  };
}

/** GETs `base` + `pathAndQuery`, reading the body; anything but a 2xx answer throws. */
export async function getOk(base: string, pathAndQuery: string): Promise<void> {
  const res = await fetch(`${base}${pathAndQuery}`);
  const body = await res.text();
  if (!res.ok) throw new Error(`GET ${pathAndQuery} answered ${res.status}: ${body.slice(0, 300)}`);
}

/** The GET path of a tRPC query as the services' clients send it (no batching). */
export const trpcPath = (procedure: string, input: unknown): string =>
  `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;

/** Autocannon options sending the paths in turn (shared by all connections), and how many were sent. */
export function rotating(paths: readonly string[]): {
  options: Partial<autocannon.Options>;
  sent: () => number;
} {
  let sent = 0;
  return {
    options: {
      requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: paths[sent++ % paths.length] }) }],
    },
    sent: () => sent,
  };
}

interface BenchHttpArgs {
  repoRoot: string;
  env: NodeJS.ProcessEnv;
  listInput: Record<string, unknown>;
  load: LoadOptions;
  readyTimeoutMs: number;
  /** Start and stop the catalog once before the measured start (embedded PGlite seeds in-process). */
  seedRunFirst: boolean;
}

/**
 * services/catalog's `start` script ("[NAME=value …] node <flags> dist/main.mjs"): the variables it sets
 * and node's arguments.
 */
function catalogStart(repoRoot: string): { env: Record<string, string>; args: string[] } {
  const pkg: unknown = JSON.parse(
    readFileSync(path.join(repoRoot, "services", "catalog", "package.json"), "utf8"),
  );
  const start = pick(pkg, "scripts", "start");
  const words = typeof start === "string" ? start.trim().split(/\s+/) : [];
  const env: Record<string, string> = {};
  for (let word = words[0]; word && /^[A-Z_][A-Z0-9_]*=/.test(word); word = words[0]) {
    const [name = "", ...value] = word.split("=");
    env[name] = value.join("=");
    words.shift();
  }
  if (words[0] !== "node")
    throw new Error(`services/catalog's start script should run "node", got: ${String(start)}`);
  return { env, args: words.slice(1) };
}

export function buildCatalog(repoRoot: string): void {
  progress("building the catalog's production bundle (npm run build -w @emporium/catalog)");
  const result = spawnSync("npm", ["run", "build", "-w", "@emporium/catalog"], {
    cwd: repoRoot,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("building the catalog failed");
}

export async function startCatalog(
  args: Pick<BenchHttpArgs, "repoRoot" | "env" | "readyTimeoutMs">,
): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  progress(`starting the catalog service on ${base} (child process)`);
  // The production artifact (`npm run build -w @emporium/catalog`), started exactly as its `start`
  // script (and the container) start it: plain node with the production heap settings.
  const start = catalogStart(args.repoRoot);
  // BENCH_CPU_PROF_DIR: each catalog writes a V8 CPU profile there when it stops (for where time goes).
  const profile = process.env.BENCH_CPU_PROF_DIR;
  const child = spawn(
    process.execPath,
    [...(profile ? ["--cpu-prof", `--cpu-prof-dir=${profile}`] : []), ...start.args],
    {
      cwd: path.join(args.repoRoot, "services", "catalog"),
      env: {
        ...args.env,
        ...start.env,
        CATALOG_PORT: String(port),
        CATALOG_HOST: "127.0.0.1",
        NODE_ENV: "production",
      },
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  try {
    await waitForReady(`${base}/readyz`, child, args.readyTimeoutMs);
  } catch (err) {
    await stop(child);
    throw err;
  }
  return { child, base };
}

export async function benchHttp(args: BenchHttpArgs): Promise<HttpResult> {
  if (args.seedRunFirst) {
    // Seeding happens inside the catalog process on an empty PGlite; measure a fresh process instead,
    // so the peak RSS reflects serving, not seeding.
    progress("first start: letting the catalog migrate and seed its PGlite (progress below)");
    const first = await startCatalog(args);
    await stop(first.child);
  }
  const { child: catalog, base } = await startCatalog(args);
  const tmp = mkdtempSync(path.join(tmpdir(), "emporium-bench-"));
  let bare: ChildProcess | undefined;
  try {
    const pid = catalog.pid ?? 0;
    const url = `${base}/trpc/product.list?input=${encodeURIComponent(JSON.stringify(args.listInput))}`;

    const res = await fetch(url);
    const bytes = Buffer.from(await res.arrayBuffer());
    if (!res.ok)
      throw new Error(`product.list answered ${res.status}: ${bytes.toString("utf8").slice(0, 300)}`);
    const items = pick(JSON.parse(bytes.toString("utf8")), "result", "data", "items");
    if (!Array.isArray(items) || items.length === 0)
      throw new Error("product.list returned no items — is the catalog seeded?");
    const contentType = res.headers.get("content-type") ?? "application/json";
    const bodyFile = path.join(tmp, "product-list.json");
    writeFileSync(bodyFile, bytes);
    progress(`captured one product.list response: ${bytes.length} bytes, ${items.length} items`);

    const before = await memoryOf(pid);
    const catalogFigures = await load("catalog product.list (tRPC)", url, args.load);
    const after = await memoryOf(pid);

    progress("starting the bare node:http baseline (child process)");
    bare = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        path.join(args.repoRoot, "bench", "catalog", "bare-server.ts"),
        bodyFile,
        contentType,
      ],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    const barePort = await new Promise<number>((resolve, reject) => {
      const child = bare;
      if (!child?.stdout) return reject(new Error("bare server has no stdout"));
      child.once("exit", (code) => reject(new Error(`bare server exited with code ${code}`)));
      createInterface({ input: child.stdout }).once("line", (line) => {
        const p = pick(JSON.parse(line), "port");
        if (typeof p === "number") resolve(p);
        else reject(new Error(`bare server said: ${line}`));
      });
    });
    const bareFigures = await load(
      "bare node:http, same bytes",
      `http://127.0.0.1:${barePort}/trpc/product.list`,
      args.load,
    );

    return {
      catalog: catalogFigures,
      bare: bareFigures,
      responseBytes: bytes.length,
      itemCount: items.length,
      catalogPeakRssMiB: after?.peakMiB ?? null,
      catalogRssBeforeLoadMiB: before?.currentMiB ?? null,
    };
  } finally {
    if (bare) await stop(bare);
    await stop(catalog);
    rmSync(tmp, { recursive: true, force: true });
  }
}
