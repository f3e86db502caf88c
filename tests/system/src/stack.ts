// The whole platform as separate processes — PSP simulator, catalog, orders, inventory, payment and
// fulfillment — on a fresh PostgreSQL database and the real Kafka and RabbitMQ, the way production
// runs it. Processes can be killed (SIGKILL) and restarted mid-run; their logs go to files that are
// printed when a test fails.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createCatalogClient, type CatalogClient } from "@emporium/catalog/client";
import { migrate, openDatabase, REPO_ROOT, type Database } from "@emporium/db";
import { createScratchDatabase } from "@emporium/db/testing";
import { seed } from "@emporium/seed";
import { createOrdersClient, type OrdersClient } from "@emporium/orders/client";
import { waitFor } from "@emporium/testkit";
import { resetBrokers } from "./brokers";
import { freePort } from "./ports";

export type ServiceName = "psp" | "catalog" | "orders" | "inventory" | "payment" | "fulfillment";

export interface StackOptions {
  databaseAdminUrl: string;
  kafkaBrokers: string;
  amqpUrl: string;
  products?: number;
  carrierStepMs?: number;
  reservationTtlSeconds?: number;
  /** Extra environment per service (tuning for benchmarks). */
  env?: Partial<Record<ServiceName, Record<string, string>>>;
  /** Extra node flags per service (e.g. --cpu-prof when profiling). */
  nodeArgs?: Partial<Record<ServiceName, string[]>>;
}

interface Proc {
  name: ServiceName;
  cwd: string;
  env: NodeJS.ProcessEnv;
  port: number;
  logFile: string;
  child: ChildProcess | null;
}

export class Stack {
  readonly procs = new Map<ServiceName, Proc>();
  orders!: OrdersClient;
  catalog!: CatalogClient;
  db!: Database;
  pspUrl = "";
  ordersUrl = "";
  databaseUrl = "";
  private dropDatabase: () => Promise<void> = async () => undefined;
  private readonly logDir = mkdtempSync(path.join(tmpdir(), "emporium-stack-"));

  constructor(private readonly o: StackOptions) {}

  async start(): Promise<void> {
    await resetBrokers(this.o.kafkaBrokers.split(","), this.o.amqpUrl);
    const scratch = await createScratchDatabase(this.o.databaseAdminUrl, "emporium_system");
    this.dropDatabase = scratch.drop;
    this.databaseUrl = scratch.url;
    this.db = await openDatabase({ databaseUrl: scratch.url, poolSize: 5 });
    await migrate(this.db);
    await seed(this.db, { seed: 11, products: this.o.products ?? 60, store: null });

    const ports = Object.fromEntries(
      await Promise.all(
        (["psp", "catalog", "orders", "inventory", "payment", "fulfillment"] as const).map(async (n) => [
          n,
          await freePort(),
        ]),
      ),
    ) as Record<ServiceName, number>;
    this.pspUrl = `http://127.0.0.1:${ports.psp}`;
    this.ordersUrl = `http://127.0.0.1:${ports.orders}/trpc`;
    const catalogUrl = `http://127.0.0.1:${ports.catalog}/trpc`;
    const common = {
      DATABASE_URL: scratch.url,
      KAFKA_BROKERS: this.o.kafkaBrokers,
      AMQP_URL: this.o.amqpUrl,
      LOG_LEVEL: process.env.STACK_LOG_LEVEL ?? "info",
      LOG_FORMAT: "json",
      NODE_ENV: "production",
    };
    const dataDir = path.join(this.logDir, "data");
    const add = (name: ServiceName, env: Record<string, string>) =>
      this.procs.set(name, {
        name,
        cwd: path.join(REPO_ROOT, "services", name),
        env: { ...process.env, ...common, ...env, ...this.o.env?.[name] },
        port: ports[name],
        logFile: path.join(this.logDir, `${name}.log`),
        child: null,
      });
    add("psp", { PSP_PORT: String(ports.psp) });
    add("catalog", {
      CATALOG_PORT: String(ports.catalog),
      MIGRATE_ON_START: "0",
      SEED_ON_START: "0",
      EMPORIUM_DATA_DIR: dataDir,
      HTTP_CACHE_SECONDS: "1",
    });
    add("orders", {
      ORDERS_PORT: String(ports.orders),
      CATALOG_URL: catalogUrl,
      ORDERS_SECRET: "system-tests-secret-0123456789abcdef0123456789",
      SERVICE_TOKEN_SECRET: "system-tests-service-token-secret-0123456789",
      RESERVATION_TTL_SECONDS: String(this.o.reservationTtlSeconds ?? 900),
      // Every shopper here is this one process at one address: the per-address limit must not count
      // them as one (the benchmark places thousands of orders a minute).
      PLACE_ORDER_PER_IP_ATTEMPTS: "100000000",
    });
    add("inventory", {
      INVENTORY_PORT: String(ports.inventory),
      SERVICE_TOKEN_SECRET: "system-tests-service-token-secret-0123456789",
    });
    // production settings, with the simulator as the provider on purpose
    add("payment", {
      PAYMENT_PORT: String(ports.payment),
      PSP_URL: this.pspUrl,
      PAYMENT_ALLOW_SIMULATOR: "true",
    });
    add("fulfillment", {
      FULFILLMENT_PORT: String(ports.fulfillment),
      CARRIER_STEP_MS: String(this.o.carrierStepMs ?? 200),
      EMPORIUM_DATA_DIR: dataDir,
    });
    for (const name of this.procs.keys()) this.spawn(name);
    try {
      for (const name of this.procs.keys()) await this.waitReady(name);
    } catch (err) {
      // Never leave half a platform running: it would consume the shared queues of the next run.
      await this.stop();
      throw err;
    }

    this.orders = createOrdersClient({ url: this.ordersUrl });
    this.catalog = createCatalogClient({ url: catalogUrl });
  }

  private spawn(name: ServiceName): void {
    const p = this.procs.get(name);
    if (!p) throw new Error(`no service ${name}`);
    const out = openSync(p.logFile, "a");
    p.child = spawn(
      process.execPath,
      [...(this.o.nodeArgs?.[name] ?? []), "--import", "tsx", "src/main.ts"],
      {
        cwd: p.cwd,
        env: p.env,
        stdio: ["ignore", out, out],
      },
    );
    closeSync(out);
  }

  async waitReady(name: ServiceName, timeoutMs = 120_000): Promise<void> {
    const p = this.procs.get(name);
    if (!p) throw new Error(`no service ${name}`);
    await waitFor(
      async () => {
        if (p.child && !running(p.child))
          throw new Error(`${name} exited (${p.child.exitCode ?? p.child.signalCode}):\n${this.tail(name)}`);
        const res = await fetch(`http://127.0.0.1:${p.port}/${name === "psp" ? "healthz" : "readyz"}`);
        return res.ok;
      },
      { timeoutMs, intervalMs: 250, what: `${name} to be ready` },
    );
  }

  /** The running services' process ids (for CPU accounting). */
  pids(): Map<number, ServiceName> {
    const pids = new Map<number, ServiceName>();
    for (const p of this.procs.values()) if (p.child?.pid && running(p.child)) pids.set(p.child.pid, p.name);
    return pids;
  }

  /** SIGKILL: no shutdown hooks, unacknowledged messages stay with the broker. */
  async kill(name: ServiceName): Promise<void> {
    const child = this.procs.get(name)?.child;
    if (!child || !running(child)) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
  }

  async restart(name: ServiceName): Promise<void> {
    this.spawn(name);
    await this.waitReady(name);
  }

  tail(name: ServiceName, lines = 40): string {
    const p = this.procs.get(name);
    try {
      return readFileSync(p?.logFile ?? "", "utf8")
        .split("\n")
        .slice(-lines)
        .join("\n");
    } catch {
      return "(no log)";
    }
  }

  logs(): string {
    return [...this.procs.keys()].map((n) => `── ${n} ──\n${this.tail(n, 25)}`).join("\n");
  }

  async stop(): Promise<void> {
    await Promise.all(
      [...this.procs.values()].map(async (p) => {
        const child = p.child;
        if (!child || !running(child)) return;
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(timer);
      }),
    );
    await this.db?.close();
    await this.dropDatabase().catch(() => undefined);
    if (!process.env.KEEP_STACK_LOGS) rmSync(this.logDir, { recursive: true, force: true });
  }
}

/**
 * Whether a child process has not exited yet. A process ended by a signal (kill) keeps exitCode null and
 * gets a signalCode instead, so exitCode alone would take it for running and wait forever for its exit.
 */
function running(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}
