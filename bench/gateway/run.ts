// Gateway benchmark (not a test): `npm run gateway -w @emporium/bench`. HAProxy with the repository's
// configuration (infra/gateway/haproxy.cfg) in front of the catalog's production bundle, against
// baselines measured in the same run:
//  (1) product.list through the gateway with one instance behind it vs straight to that instance:
//      req/s ratio (goal ≥ 0.9×) and added p99 (goal ≤ 1 ms), kept-alive connections, over plain HTTP
//      (the gateway's internal listener: routing and balancing over health-checked instances) and over
//      HTTPS (the public listener, with every edge rule: host check, rate-limit tables, header rewrites);
//  (2) the TLS handshake's cost per new connection: N fresh connections each carrying one request, over
//      HTTPS vs plain HTTP, through the same gateway;
//  (3) with two instances behind it, the share of requests each receives (goal 50% ± 5%), from the
//      gateway's own Prometheus counters.
// Needs haproxy (Debian package) and PostgreSQL: BENCH_DATABASE_URL or DATABASE_URL (an admin URL; the
// bench uses a database named emporium_bench next to it, seeded once).
// Tuning: BENCH_CONNECTIONS (10), BENCH_DURATION (10 s), BENCH_WARMUP (2 s), BENCH_PRODUCTS (2000),
// BENCH_FRESH_CONNECTIONS (500).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import tls from "node:tls";
import { fileURLToPath } from "node:url";
import type { ChildProcess } from "node:child_process";
import { makeCertificate } from "@emporium/gateway-tests/certificate";
import { haproxyBinary, metric, startGateway } from "@emporium/gateway-tests/haproxy";
import { servingCatalogEnv } from "../catalog/database";
import { buildCatalog, freePort, load, loadOptionsFromEnv, startCatalog, stop } from "../catalog/http";
import { fmt, intFromEnv, printTable, progress, verdict, type Figures } from "../catalog/stats";

const GOAL_RATIO = 0.9;
const GOAL_ADDED_P99_MS = 1;
const GOAL_SHARE_TOLERANCE = 0.05;
const HOST = "shop.bench";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const loadOptions = loadOptionsFromEnv();
const products = intFromEnv("BENCH_PRODUCTS", 2000);
const freshConnections = intFromEnv("BENCH_FRESH_CONNECTIONS", 500);
const adminUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || undefined;
const listPath = `/trpc/product.list?input=${encodeURIComponent(JSON.stringify({ limit: 24 }))}`;

/** One request on a fresh connection (plain or TLS), closed after the answer; milliseconds it took. */
function oneShot(port: number, ca: string | null, target: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = ca
      ? tls.connect({ host: "127.0.0.1", port, servername: HOST, ca })
      : net.connect({ host: "127.0.0.1", port });
    let answer = "";
    socket.once(ca ? "secureConnect" : "connect", () =>
      socket.write(`GET ${target} HTTP/1.1\r\nHost: ${HOST}\r\nConnection: close\r\n\r\n`),
    );
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString("latin1")));
    socket.once("error", reject);
    socket.once("close", () => {
      if (!answer.startsWith("HTTP/1.1 200")) reject(new Error(`answered: ${answer.slice(0, 80)}`));
      else resolve(performance.now() - started);
    });
  });
}

/** N fresh connections one after another: mean milliseconds per connection (with its request). */
async function freshConnectionCost(
  port: number,
  ca: string | null,
  target: string,
  n: number,
): Promise<number> {
  for (let i = 0; i < 20; i++) await oneShot(port, ca, target);
  let total = 0;
  for (let i = 0; i < n; i++) total += await oneShot(port, ca, target);
  return total / n;
}

/** CPU seconds (user + system) a Linux process has used so far, or NaN without /proc. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    // utime and stime, fields 14 and 15 of stat (11 and 12 after the command name), in clock ticks.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

interface Profiled {
  figures: Figures;
  /** CPU microseconds per request of each process: the catalog, HAProxy (when in the path), this one. */
  cpuUs: { catalog: number; gateway: number; loadGenerator: number };
  /** CPU seconds all three used per wall second (2 on two fully busy cores). */
  coresBusy: number;
}

/**
 * A load run with the CPU each process spent on it: where the time goes when the load generator, the
 * catalog and HAProxy share the machine's cores — the floor under the ratio.
 */
async function profiled(
  pids: { catalog: number | undefined; gateway: number | undefined },
  ...args: Parameters<typeof load>
): Promise<Profiled> {
  const started = performance.now();
  const before = {
    catalog: cpuSeconds(pids.catalog),
    gateway: cpuSeconds(pids.gateway),
    self: process.cpuUsage(),
  };
  const figures = await load(...args);
  const wall = (performance.now() - started) / 1000;
  const self = process.cpuUsage(before.self);
  const spent = {
    catalog: cpuSeconds(pids.catalog) - before.catalog,
    gateway: pids.gateway === undefined ? 0 : cpuSeconds(pids.gateway) - before.gateway,
    loadGenerator: (self.user + self.system) / 1e6,
  };
  // The warm-up's requests are not in figures.count: count its CPU out by the same rate.
  const measuredShare =
    loadOptions.durationSeconds / (loadOptions.durationSeconds + loadOptions.warmupSeconds);
  const perRequest = (seconds: number) => ((seconds * measuredShare) / figures.count) * 1e6;
  return {
    figures,
    cpuUs: {
      catalog: perRequest(spent.catalog),
      gateway: perRequest(spent.gateway),
      loadGenerator: perRequest(spent.loadGenerator),
    },
    coresBusy: (spent.catalog + spent.gateway + spent.loadGenerator) / wall,
  };
}

function cpuLine(label: string, p: Profiled): string {
  const { catalog, gateway, loadGenerator } = p.cpuUs;
  return (
    `  ${label}: catalog ${fmt(catalog, 0)} µs + HAProxy ${fmt(gateway, 0)} µs + load generator ` +
    `${fmt(loadGenerator, 0)} µs of CPU per request; ${fmt(p.coresBusy, 2)} of ${availableParallelism()} cores busy`
  );
}

function compare(title: string, direct: Figures, through: Figures): string {
  const ratio = through.perSecond / direct.perSecond;
  const added = through.p99Ms - direct.p99Ms;
  return (
    `${title}: ${fmt(ratio, 2)}× req/s (goal ≥ ${GOAL_RATIO}×: ${verdict(ratio >= GOAL_RATIO)}), ` +
    `p99 ${added >= 0 ? "+" : ""}${fmt(added, 2)} ms (goal ≤ ${GOAL_ADDED_P99_MS} ms: ${verdict(added <= GOAL_ADDED_P99_MS)})`
  );
}

async function main(): Promise<void> {
  const haproxy = haproxyBinary("gateway benchmark");
  if (!haproxy) throw new Error("haproxy is not installed (Debian package haproxy)");
  if (!adminUrl)
    throw new Error("set BENCH_DATABASE_URL (or DATABASE_URL): two catalog instances share PostgreSQL");
  buildCatalog(repoRoot);
  console.log(`Emporium gateway benchmark — node ${process.version}, ${availableParallelism()} cores`);
  console.log(
    `load: ${loadOptions.connections} kept-alive connections, ${loadOptions.warmupSeconds}s warm-up + ` +
      `${loadOptions.durationSeconds}s measured per row; ${freshConnections} fresh connections for the handshake`,
  );

  const workDir = mkdtempSync(path.join(tmpdir(), "emporium-bench-gateway-"));
  const env = await servingCatalogEnv(adminUrl, { products, dataDir: path.join(repoRoot, ".data", "bench") });
  const cleanup: (() => Promise<void>)[] = [
    () => Promise.resolve(rmSync(workDir, { recursive: true, force: true })),
  ];
  try {
    const certificate = await makeCertificate(workDir, [HOST]);
    const catalogs: { child: ChildProcess; base: string }[] = [];
    for (let i = 0; i < 2; i++) {
      const catalog = await startCatalog({ repoRoot, env, readyTimeoutMs: 20 * 60_000 });
      cleanup.push(() => stop(catalog.child));
      catalogs.push(catalog);
    }
    const [one, two] = catalogs;
    if (!one || !two) throw new Error("two catalog instances");

    const start = async (name: string, upstreams: string[]) => {
      const ports = { http: await freePort(), https: await freePort(), metrics: await freePort() };
      const internal = await freePort();
      const gateway = await startGateway({
        binary: haproxy,
        name,
        ports,
        logFile: path.join(workDir, `${name}.log`),
        env: {
          GATEWAY_SHOP_HOST: HOST,
          GATEWAY_ADMIN_HOST: "admin.bench",
          GATEWAY_CERT: certificate.pemFile,
          GATEWAY_INTERNAL_BIND: `127.0.0.1:${internal}`,
          WEB_1: "127.0.0.1:9",
          ADMIN_1: "127.0.0.1:9",
          ...Object.fromEntries(upstreams.map((u, i) => [`CATALOG_${i + 1}`, u.replace("http://", "")])),
          GATEWAY_RATE_API: "100000000",
        },
      });
      cleanup.push(() => gateway.stop());
      for (let i = 1; i <= upstreams.length; i++)
        while (
          (await metric(ports.metrics, "haproxy_server_status", {
            proxy: "catalog",
            server: `catalog${i}`,
            state: "UP",
          })) !== 1
        )
          await new Promise((r) => setTimeout(r, 100));
      return { gateway, ports, internal };
    };

    // (1) One instance behind the gateway.
    progress("gateway with one catalog instance");
    const single = await start("gateway-one", [one.base]);
    const apiPath = `/api${listPath}`;
    const pids = { catalog: one.child.pid, gateway: single.gateway.pid };
    const directRun = await profiled(
      { catalog: one.child.pid, gateway: undefined },
      "straight to the instance (HTTP)",
      `${one.base}${listPath}`,
      loadOptions,
    );
    const direct = directRun.figures;
    const viaHttp = await profiled(
      pids,
      "through the gateway, HTTP (internal listener)",
      `http://127.0.0.1:${single.internal}${listPath}`,
      loadOptions,
    );
    const viaHttps = await profiled(
      pids,
      "through the gateway, HTTPS (public listener)",
      `https://127.0.0.1:${single.ports.https}${apiPath}`,
      loadOptions,
      { headers: { host: `${HOST}:${single.ports.https}` }, servername: HOST },
    );
    printTable(
      "(1) catalog product.list, kept-alive connections",
      [direct, viaHttp.figures, viaHttps.figures],
      "req",
    );
    console.log(compare("HTTP through the gateway vs straight", direct, viaHttp.figures));
    console.log(compare("HTTPS through the gateway vs straight HTTP", direct, viaHttps.figures));
    // Where the time goes. With the cores all busy, throughput is cores ÷ CPU per request, so the best
    // ratio the proxy's own CPU allows is (catalog + load generator) ÷ (the same + HAProxy).
    console.log("\nCPU per request, from /proc (the floor under the ratio):");
    console.log(cpuLine("straight", directRun));
    console.log(cpuLine("HTTP through the gateway", viaHttp));
    console.log(cpuLine("HTTPS through the gateway", viaHttps));
    for (const [name, run] of [
      ["HTTP", viaHttp],
      ["HTTPS", viaHttps],
    ] as const) {
      const upstream = directRun.cpuUs.catalog + directRun.cpuUs.loadGenerator;
      console.log(
        `  ${name}: HAProxy's CPU alone caps the ratio at ${fmt(upstream / (upstream + run.cpuUs.gateway), 2)}× ` +
          `while the cores are shared and all busy`,
      );
    }

    // (2) What a new connection costs with TLS.
    progress(`(2) ${freshConnections} fresh connections each, plain and TLS`);
    const plainMs = await freshConnectionCost(single.internal, null, listPath, freshConnections);
    const tlsMs = await freshConnectionCost(single.ports.https, certificate.ca, apiPath, freshConnections);
    console.log(
      `\n(2) a fresh connection with one request: plain ${fmt(plainMs, 2)} ms, TLS ${fmt(tlsMs, 2)} ms ` +
        `(ECDSA P-256, TLS 1.3, no resumption): the handshake costs ${fmt(tlsMs - plainMs, 2)} ms per connection`,
    );
    await single.gateway.stop();

    // (3) Two instances: the share each receives.
    progress("gateway with two catalog instances");
    const pair = await start("gateway-two", [one.base, two.base]);
    const served = async () =>
      Promise.all(
        [1, 2].map(
          async (i) =>
            (await metric(pair.ports.metrics, "haproxy_server_http_responses_total", {
              proxy: "catalog",
              server: `catalog${i}`,
              code: "2xx",
            })) ?? 0,
        ),
      );
    const before = await served();
    const both = await load(
      "through the gateway to two instances, HTTPS",
      `https://127.0.0.1:${pair.ports.https}${apiPath}`,
      loadOptions,
      { headers: { host: `${HOST}:${pair.ports.https}` }, servername: HOST },
    );
    const after = await served();
    const counts = after.map((n, i) => n - (before[i] ?? 0));
    const total = counts.reduce((a, b) => a + b, 0);
    console.log(`\n(3) two instances behind the gateway (${fmt(both.perSecond)} req/s in all):`);
    counts.forEach((n, i) => {
      const share = n / total;
      console.log(
        `  catalog${i + 1}: ${fmt(n)} requests, ${fmt(share * 100, 1)}% (goal 50% ± ${GOAL_SHARE_TOLERANCE * 100}%: ${verdict(Math.abs(share - 0.5) <= GOAL_SHARE_TOLERANCE)})`,
      );
    });
  } finally {
    for (const undo of cleanup.reverse()) await undo().catch((err: unknown) => console.error(err));
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
