// The composition root every worker process shares, written once: open the database, connect the
// brokers, build the worker, wait for the migrations to have made its schema, start it, serve the ops
// endpoints (or the service's own server), and on SIGTERM/SIGINT stop in the reverse order. A worker's
// main.ts keeps only what is its own: its env, its logger, adapters such as a provider or a store, and
// the worker factory.
import { openDatabase, type Database, type OpenDatabaseOptions } from "@emporium/db";
import type { CommandBus, EventBus, RetryPolicy } from "@emporium/messaging";
import { createServiceMetrics, type Logger, type ServiceMetrics } from "@emporium/observability";
import { connectBrokers, type Brokers } from "./brokers";
import { startOpsServer } from "./http";
import type { ReadinessCheck } from "./ops-server";
import { schemaCheck, waitForSchema } from "./schema";
import { onShutdown } from "./shutdown";

/** What a worker factory returns: consumers, relays and loops that start and stop together. */
export interface WorkerUnit {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** What runWorker hands the worker factory (and `serve`). */
export interface WorkerDeps {
  db: Database;
  events: EventBus;
  commands: CommandBus;
  log: Logger;
  metrics: ServiceMetrics;
}

/** Something runWorker closes on shutdown, after the worker has stopped. */
export interface Closable {
  close(): Promise<void> | void;
}

/** The worker serves only /healthz, /readyz and /metrics; readiness is its schema plus `checks`. */
interface OpsEndpoints {
  ops: { host: string; port: number; checks?: readonly ReadinessCheck[] };
  serve?: never;
}

/** The worker has a server of its own (e.g. a tRPC API that also answers the ops endpoints). */
interface OwnServer {
  serve: (deps: WorkerDeps) => Promise<Closable>;
  ops?: never;
}

export type RunWorkerOptions<W extends WorkerUnit> = (OpsEndpoints | OwnServer) & {
  /** The service's name: broker client id, metrics label, log lines. */
  service: string;
  log: Logger;
  /** Default: createServiceMetrics(service). Pass one when adapters register series before the worker. */
  metrics?: ServiceMetrics;
  database: { url: string; poolSize: number };
  brokers: {
    kafkaBrokers: string[];
    kafkaSecurity?: Parameters<typeof connectBrokers>[0]["kafkaSecurity"];
    amqpUrl: string;
    retryByQueue?: Readonly<Record<string, RetryPolicy>>;
  };
  /** A table the migrations create last for this service (e.g. "payments.outbox"): work waits for it. */
  schemaTable: string;
  createWorker: (deps: WorkerDeps) => W;
  /** The "running" log line: fields beside the port, and the message (default "<service> worker running"). */
  started?: { fields?: Record<string, unknown>; message?: string };
  /** Seams for tests; the defaults are the real ones. */
  connect?: {
    database?: (options: OpenDatabaseOptions) => Promise<Database>;
    brokers?: typeof connectBrokers;
    /** Installs the stop on the process's signals (default: onShutdown). */
    onShutdown?: (log: Logger, stop: () => Promise<void>) => void;
  };
};

export interface RunningWorker<W extends WorkerUnit> extends WorkerDeps {
  worker: W;
  /** The port the ops endpoints listen on (undefined when the service serves its own server). */
  opsPort: number | undefined;
  /** What the signal handler runs: worker, server, brokers, database — in that order. */
  stop(): Promise<void>;
}

export async function runWorker<W extends WorkerUnit>(
  options: RunWorkerOptions<W>,
): Promise<RunningWorker<W>> {
  const { service, log } = options;
  const metrics = options.metrics ?? createServiceMetrics(service);
  const db = await (options.connect?.database ?? openDatabase)({
    databaseUrl: options.database.url,
    poolSize: options.database.poolSize,
  });
  const brokers: Brokers = await (options.connect?.brokers ?? connectBrokers)({
    service,
    kafkaBrokers: options.brokers.kafkaBrokers,
    ...(options.brokers.kafkaSecurity ? { kafkaSecurity: options.brokers.kafkaSecurity } : {}),
    amqpUrl: options.brokers.amqpUrl,
    log,
    ...(options.brokers.retryByQueue ? { retryByQueue: options.brokers.retryByQueue } : {}),
  });
  const deps: WorkerDeps = { db, events: brokers.events, commands: brokers.commands, log, metrics };
  const worker = options.createWorker(deps);
  await waitForSchema(db, options.schemaTable, log);
  await worker.start();

  let server: Closable;
  let opsPort: number | undefined;
  if (options.ops) {
    const ops = await startOpsServer({
      host: options.ops.host,
      port: options.ops.port,
      log,
      metrics,
      checks: [schemaCheck(db, options.schemaTable), ...(options.ops.checks ?? [])],
    });
    opsPort = Number(new URL(ops.origin()).port);
    server = ops;
  } else {
    server = await options.serve(deps);
  }
  log.info(
    { ...(opsPort === undefined ? {} : { port: opsPort }), ...options.started?.fields },
    options.started?.message ?? `${service} worker running`,
  );

  const stop = async (): Promise<void> => {
    await worker.stop();
    await server.close();
    await brokers.close();
    await db.close();
  };
  (options.connect?.onShutdown ?? onShutdown)(log, stop);
  return { ...deps, worker, opsPort, stop };
}
