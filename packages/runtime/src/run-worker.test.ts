// runWorker without servers: an in-memory PGlite stands in for PostgreSQL and the in-process buses for
// Kafka and RabbitMQ, so the test sees what a worker's main relies on — the factory gets the database,
// buses, logger and metrics; nothing starts before the schema exists; readiness covers the schema and
// the service's own checks; and shutdown stops the worker before it closes server, brokers and database.
import { openDatabase, type Database } from "@emporium/db";
import { InProcessCommandBus, InProcessEventBus } from "@emporium/messaging";
import { createLogger, createServiceMetrics } from "@emporium/observability";
import { describe, expect, it } from "vitest";
import type { Brokers } from "./brokers";
import { runWorker, type WorkerDeps } from "./run-worker";

const log = createLogger({ service: "run-worker-test", level: "silent" });

/** A fake process: the database, the buses and the worker write what happens to `calls`. */
function harness(calls: string[]) {
  let db: Database | undefined;
  const database = async () => {
    const opened = await openDatabase({ inMemory: true });
    const close = opened.close.bind(opened);
    opened.close = async () => {
      calls.push("db closed");
      await close();
    };
    db = opened;
    return opened;
  };
  const brokers = async (): Promise<Brokers> => ({
    events: new InProcessEventBus(log),
    commands: new InProcessCommandBus(log),
    close: async () => void calls.push("brokers closed"),
  });
  let seen: WorkerDeps | undefined;
  const createWorker = (deps: WorkerDeps) => {
    seen = deps;
    return {
      start: async () => void calls.push("worker started"),
      stop: async () => void calls.push("worker stopped"),
    };
  };
  let installed: (() => Promise<void>) | undefined;
  return {
    connect: {
      database,
      brokers,
      onShutdown: (_log: unknown, stop: () => Promise<void>) => {
        installed = stop;
      },
    },
    createWorker,
    db: () => db,
    seen: () => seen,
    installed: () => installed,
  };
}

const common = {
  service: "run-worker-test",
  log,
  database: { url: "postgresql://unused", poolSize: 2 },
  brokers: { kafkaBrokers: ["unused:9092"], amqpUrl: "amqp://unused" },
  schemaTable: "rw.outbox",
};

describe("runWorker", () => {
  it("waits for the schema, serves readiness with the service's checks, and stops in order", async () => {
    const calls: string[] = [];
    const h = harness(calls);
    let storeUp = true;
    const metrics = createServiceMetrics("run-worker-test");
    const starting = runWorker({
      ...common,
      metrics,
      connect: h.connect,
      createWorker: h.createWorker,
      ops: {
        host: "127.0.0.1",
        port: 0,
        checks: [
          {
            name: "document-store",
            check: async () => {
              if (!storeUp) throw new Error("down");
            },
          },
        ],
      },
    });
    // The schema is missing at first: the worker is built but not started until the table appears.
    await expect.poll(() => h.seen() !== undefined).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(calls).toEqual([]);
    await h.db()?.sql.query("CREATE SCHEMA rw");
    await h.db()?.sql.query("CREATE TABLE rw.outbox (id int)");
    const running = await starting;

    expect(calls).toEqual(["worker started"]);
    // (toBe, not a deep match: the database holds PGlite's whole memory)
    const seen = h.seen();
    expect(seen?.db).toBe(h.db());
    expect(running.db).toBe(h.db());
    expect(seen?.log).toBe(log);
    expect(seen?.metrics).toBe(metrics);
    expect(seen?.events).toBe(running.events);
    expect(seen?.commands).toBe(running.commands);

    const base = `http://127.0.0.1:${running.opsPort}`;
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    storeUp = false;
    const degraded = await fetch(`${base}/readyz`);
    expect(await degraded.json()).toEqual({
      status: "degraded",
      failing: ["document-store"],
      checked: expect.arrayContaining(["database", "document-store"]),
    });
    await running.db.sql.query("DROP TABLE rw.outbox");
    expect(await (await fetch(`${base}/readyz`)).json()).toEqual({
      status: "degraded",
      failing: expect.arrayContaining(["database", "document-store"]),
      checked: expect.arrayContaining(["database", "document-store"]),
    });

    // What SIGTERM runs is the same stop, installed once.
    expect(h.installed()).toBe(running.stop);
    await running.stop();
    expect(calls).toEqual(["worker started", "worker stopped", "brokers closed", "db closed"]);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  }, 20_000);

  it("serves the service's own server instead of the ops one, and closes it after the worker", async () => {
    const calls: string[] = [];
    const h = harness(calls);
    const running = await runWorker({
      ...common,
      schemaTable: "pg_catalog.pg_class",
      connect: h.connect,
      createWorker: h.createWorker,
      serve: async (deps) => {
        expect(deps.db).toBe(h.db());
        return { close: async () => void calls.push("server closed") };
      },
    });
    expect(running.opsPort).toBeUndefined();
    await running.stop();
    expect(calls).toEqual([
      "worker started",
      "worker stopped",
      "server closed",
      "brokers closed",
      "db closed",
    ]);
  });
});
