// Log shipping to an OpenSearch (or Elasticsearch-compatible) store, in the process: a pino destination
// stream beside stdout. Why in the process rather than a pino transport (a worker thread loading a module
// by path) or only a node agent: it runs the same in `tsx`, in the Next.js servers and in the tests, it
// shares the process's redaction, and its drop counter is readable where the process's metrics are.
// Compose and Kubernetes may still tail stdout with an agent instead (infra/observability/README.md).
//
// It never holds the application up: `write` only parses the line and appends it to a bounded buffer; a
// timer (or a full batch) sends the buffer with one `_bulk` request at a time. When the store is slow or
// down the buffer fills and new lines are dropped and counted, and a failed batch is dropped and counted
// too (by reason, in the process's log_lines_dropped_total: log-drops.ts) — stdout still has every line. One line goes to stderr when shipping starts failing, one when it
// recovers.
//
// Storage: one index a day (<prefix>-YYYY.MM.DD, by the line's own time, UTC) under an index template
// that maps the fields operators search by. Retention is by deleting whole daily indices older than N
// days (pruneLogIndices), which the shipper does at start and every few hours; the store needs no ILM
// or ISM plugin for it.
import { Client, type API } from "@opensearch-project/opensearch";
import { countDroppedLogLines, type LogDropReason } from "./log-drops";
import { scrubValue } from "./log-scrub";

export interface LogShippingOptions {
  /** The store's URL, e.g. http://opensearch:9200 (credentials may be in it). */
  url: string;
  /** Daily indices are <prefix>-YYYY.MM.DD; the template covers <prefix>-*. */
  indexPrefix?: string;
  /** Lines per `_bulk` request (default 500). */
  batchSize?: number;
  /** How often the buffer is sent, in ms (default 1000). */
  flushIntervalMs?: number;
  /** Lines held while the store is slow or away; beyond that new lines are dropped (default 10000). */
  maxBuffered?: number;
  /** Daily indices older than this many days are deleted (0 = never; default 14). */
  retentionDays?: number;
  /** One `_bulk` request's time limit, in ms (default 5000). */
  requestTimeoutMs?: number;
  /** Where the shipper says that shipping failed or recovered (default: stderr). */
  report?: (message: string) => void;
}

export interface LogShippingStats {
  /** Lines the store accepted. */
  shipped: number;
  /** Lines dropped: the buffer was full, a batch failed, or the store refused the line. */
  dropped: number;
  /** Lines waiting to be sent. */
  buffered: number;
}

export const DEFAULT_LOG_INDEX_PREFIX = "emporium-logs";
const PRUNE_EVERY_MS = 6 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const LEVEL_NAMES: Record<number, string> = {
  10: "trace",
  20: "debug",
  30: "info",
  40: "warn",
  50: "error",
  60: "fatal",
};

/** The UTC day of a time as a daily index's suffix: 2026.12.07. */
export function dayOf(time: Date): string {
  return time.toISOString().slice(0, 10).replaceAll("-", ".");
}

export function dailyIndex(prefix: string, time: Date): string {
  return `${prefix}-${dayOf(time)}`;
}

export interface LogDocument extends Record<string, unknown> {
  "@timestamp": string;
  level: string;
}

/**
 * One pino JSON line as the store keeps it: `time` becomes `@timestamp`, the numeric level its name,
 * secrets are scrubbed. A line that is not JSON is kept as its message.
 */
export function toLogDocument(line: string, now: () => Date = () => new Date()): LogDocument {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    parsed = undefined;
  }
  const record: Record<string, unknown> =
    parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)
      ? { ...(parsed as Record<string, unknown>) }
      : { msg: line };
  const { time, level, ...rest } = record;
  const at = typeof time === "string" || typeof time === "number" ? new Date(time) : now();
  const timestamp = Number.isNaN(at.getTime()) ? now() : at;
  const levelName =
    typeof level === "number"
      ? (LEVEL_NAMES[level] ?? String(level))
      : typeof level === "string"
        ? level
        : "info";
  return {
    ...(scrubValue(rest) as Record<string, unknown>),
    "@timestamp": timestamp.toISOString(),
    level: levelName,
  };
}

const keyword = { type: "keyword", ignore_above: 256 } as const;

/** The index template for <prefix>-*: the fields operators search by, typed; other strings as keywords. */
export function logIndexTemplate(prefix: string): API.Indices_PutIndexTemplate_RequestBody {
  return {
    index_patterns: [`${prefix}-*`],
    priority: 100,
    template: {
      settings: { number_of_shards: 1, number_of_replicas: 0, "index.refresh_interval": "5s" },
      mappings: {
        dynamic_templates: [{ strings_as_keywords: { match_mapping_type: "string", mapping: keyword } }],
        properties: {
          "@timestamp": { type: "date" as const },
          level: keyword,
          service: keyword,
          name: keyword,
          msg: { type: "text" as const, fields: { keyword } },
          traceId: keyword,
          spanId: keyword,
          requestId: keyword,
          orderId: keyword,
          component: keyword,
          type: keyword,
          hostname: keyword,
          pid: { type: "integer" as const },
          err: {
            properties: {
              type: keyword,
              message: { type: "text" as const },
              stack: { type: "text" as const, index: false },
            },
          },
        },
      },
    },
    _meta: {
      description: "Emporium's pino log lines, one index a day (see @emporium/observability log-shipping)",
    },
  };
}

/** Installs (or replaces) the template; idempotent. */
export async function ensureLogTemplate(client: Client, prefix: string): Promise<void> {
  await client.indices.putIndexTemplate({ name: `${prefix}-template`, body: logIndexTemplate(prefix) });
}

const DAILY = /^(.*)-(\d{4})\.(\d{2})\.(\d{2})$/;

/**
 * Deletes the daily indices of this prefix whose day ended more than `retentionDays` days before `now`
 * (today's index and the `retentionDays` days before it are kept). Other indices are never touched.
 * Returns the names deleted.
 */
export async function pruneLogIndices(
  client: Client,
  prefix: string,
  retentionDays: number,
  now: Date = new Date(),
): Promise<string[]> {
  if (retentionDays <= 0) return [];
  const { body } = await client.cat.indices({
    index: `${prefix}-*`,
    format: "json",
    expand_wildcards: "all",
  });
  const rows = (Array.isArray(body) ? body : []) as { index?: string }[];
  const oldestKept =
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - retentionDays * DAY_MS;
  const doomed = rows
    .map((row) => row.index ?? "")
    .filter((name) => {
      const m = DAILY.exec(name);
      return (
        m !== null && m[1] === prefix && Date.UTC(Number(m[2]), Number(m[3]) - 1, Number(m[4])) < oldestKept
      );
    });
  for (const index of doomed) await client.indices.delete({ index });
  return doomed;
}

interface Pending {
  index: string;
  doc: LogDocument;
}

/** A pino destination: pass it beside stdout (pino.multistream) — see createLogger's `ship`. */
export class LogShipper {
  readonly client: Client;
  readonly indexPrefix: string;
  private readonly batchSize: number;
  private readonly maxBuffered: number;
  private readonly retentionDays: number;
  private readonly report: (message: string) => void;
  private buffer: Pending[] = [];
  private sending: Promise<void> | undefined;
  private templateReady: Promise<void> | undefined;
  private readonly timers: NodeJS.Timeout[] = [];
  private failing = false;
  private closed = false;
  private counts = { shipped: 0, dropped: 0 };

  constructor(options: LogShippingOptions) {
    this.indexPrefix = options.indexPrefix ?? DEFAULT_LOG_INDEX_PREFIX;
    this.batchSize = options.batchSize ?? 500;
    this.maxBuffered = options.maxBuffered ?? 10_000;
    this.retentionDays = options.retentionDays ?? 14;
    this.report = options.report ?? ((message) => process.stderr.write(`${message}\n`));
    // No retries inside the client: a failed batch is dropped and counted, the next one tries afresh.
    this.client = new Client({
      node: options.url,
      requestTimeout: options.requestTimeoutMs ?? 5000,
      maxRetries: 0,
    });
    const flushing = setInterval(() => void this.flush(), options.flushIntervalMs ?? 1000);
    const pruning = setInterval(() => void this.prune(), PRUNE_EVERY_MS);
    flushing.unref();
    pruning.unref();
    this.timers.push(flushing, pruning);
    void this.prune();
  }

  /** pino's destination call: one or more JSON lines. Never throws, never waits. */
  write(chunk: string): boolean {
    for (const line of chunk.split("\n")) {
      if (line.trim() === "") continue;
      if (this.closed || this.buffer.length >= this.maxBuffered) {
        this.drop(this.closed ? "shutdown" : "buffer_full", 1);
        continue;
      }
      const doc = toLogDocument(line);
      this.buffer.push({ index: dailyIndex(this.indexPrefix, new Date(doc["@timestamp"])), doc });
    }
    if (this.buffer.length >= this.batchSize) void this.flush();
    return true;
  }

  stats(): LogShippingStats {
    return { ...this.counts, buffered: this.buffer.length };
  }

  /** Sends what is buffered now (one batch at a time); resolves when it has been sent or dropped. */
  async flush(): Promise<void> {
    while (this.sending) await this.sending;
    if (this.buffer.length === 0) return;
    this.sending = this.sendBatch(this.buffer.splice(0, this.batchSize)).finally(() => {
      this.sending = undefined;
    });
    await this.sending;
  }

  /** Deletes daily indices past retention; a failure is reported, never thrown. */
  async prune(now: Date = new Date()): Promise<string[]> {
    try {
      return await pruneLogIndices(this.client, this.indexPrefix, this.retentionDays, now);
    } catch (err) {
      this.report(`log shipping: pruning old indices failed: ${describe(err)}`);
      return [];
    }
  }

  /** Sends everything buffered (a few batches at most), then stops; later lines are dropped. */
  async close(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    for (let i = 0; this.buffer.length > 0 && i < 5; i++) await this.flush();
    this.closed = true;
    this.drop("shutdown", this.buffer.length);
    this.buffer = [];
    await this.client.close();
  }

  /** Counts lost lines here and in the process's log_lines_dropped_total (log-drops.ts). */
  private drop(reason: LogDropReason, lines: number): void {
    this.counts.dropped += lines;
    countDroppedLogLines(reason, lines);
  }

  private async sendBatch(batch: Pending[]): Promise<void> {
    try {
      this.templateReady ??= ensureLogTemplate(this.client, this.indexPrefix).catch((err: unknown) => {
        this.templateReady = undefined;
        throw err;
      });
      await this.templateReady;
      const { body } = await this.client.bulk({
        body: batch.flatMap((p) => [{ index: { _index: p.index } }, p.doc]),
      });
      const refused = body.errors
        ? body.items.filter((item) => (item.index?.status ?? 500) >= 300).length
        : 0;
      this.counts.shipped += batch.length - refused;
      this.drop("rejected", refused);
      if (this.failing) {
        this.failing = false;
        this.report(`log shipping: the store answers again (${this.counts.dropped} lines dropped so far)`);
      }
    } catch (err) {
      this.drop("send_failed", batch.length);
      if (!this.failing) {
        this.failing = true;
        this.report(`log shipping: the store is not reachable, dropping lines until it is: ${describe(err)}`);
      }
    }
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
