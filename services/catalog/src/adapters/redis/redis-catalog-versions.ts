// The catalog's version counters in Redis: one hash field per scope (HINCRBY), and every bump published
// on a channel so each replica moves its own copy on at once — a request never waits on Redis to learn
// a version. Subscribing, and reading everything again whenever the subscription (re)connects, means a
// bump made while this replica was cut off is still seen when it returns. Bumps made here during an
// outage are counted locally, kept, and pushed to Redis when it is back, so the other replicas hear
// of them too. Versions are prefixed with an epoch kept in Redis: should Redis lose its data, counting
// starts again under a new epoch, never reusing a version that names old answers in Memcached.
import { Redis } from "ioredis";
import { outageLog, type Logger, type OutageLog } from "@emporium/observability";
import type { CatalogVersions } from "../../ports/cache";

export interface RedisVersionsOptions {
  redisUrl: string;
  log: Logger;
  /** Namespace of the hash and the channel (tests give each run its own). */
  prefix?: string;
}

const reconnectDelay = (attempt: number) => Math.min(attempt * 100, 1_000);

export class RedisCatalogVersions implements CatalogVersions {
  private readonly cmd: Redis;
  private readonly sub: Redis;
  private readonly hash: string;
  private readonly channel: string;
  private readonly known = new Map<string, number>();
  private readonly reading = new Map<string, Promise<number>>();
  /** Scopes bumped while Redis was unreachable, to push when it returns. */
  private readonly pending = new Set<string>();
  private readonly listeners: ((scopes: readonly string[]) => void)[] = [];
  private readonly outage: OutageLog;
  private synced = false;
  private closing = false;
  private epoch = "0";

  constructor(options: RedisVersionsOptions) {
    const prefix = options.prefix ?? "emporium:catalog";
    this.hash = `${prefix}:versions`;
    this.channel = `${prefix}:bumps`;
    const redisOptions = {
      enableOfflineQueue: false,
      connectTimeout: 1_000,
      commandTimeout: 500,
      maxRetriesPerRequest: 0,
      retryStrategy: reconnectDelay,
      lazyConnect: true,
    };
    this.cmd = new Redis(options.redisUrl, redisOptions);
    this.sub = new Redis(options.redisUrl, { ...redisOptions, commandTimeout: undefined });
    this.outage = outageLog(
      options.log,
      "Redis",
      "catalog replicas may miss each other's changes, so each keeps cached answers only for seconds",
    );
    for (const client of [this.cmd, this.sub]) {
      client.on("error", (err: Error) => this.lost(err));
      client.on("close", () => this.lost());
    }
    this.sub.on("message", (channel: string, message: string) => {
      if (channel === this.channel) this.heard(message);
    });
    // Subscribed again (ioredis re-subscribes by itself): catch up on what was missed, push what waits.
    this.sub.on("ready", () => void this.resync());
    this.cmd.on("ready", () => void this.resync());
  }

  get coordinated(): boolean {
    return this.synced && this.cmd.status === "ready" && this.sub.status === "ready";
  }

  async start(): Promise<void> {
    // An unreachable Redis at start is an outage like any other: the catalog starts uncoordinated and
    // catches up when it connects.
    await Promise.all([
      this.cmd.connect().catch((err: unknown) => this.lost(err)),
      this.sub.connect().catch((err: unknown) => this.lost(err)),
    ]);
    if (this.sub.status === "ready") await this.resync();
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(
      [this.cmd, this.sub].map((c) =>
        c.status === "ready"
          ? c.quit().then(
              () => undefined,
              () => c.disconnect(),
            )
          : c.disconnect(),
      ),
    );
  }

  onChange(listener: (scopes: readonly string[]) => void): void {
    this.listeners.push(listener);
  }

  async read(scopes: readonly string[]): Promise<string[]> {
    const versions = await Promise.all(scopes.map((s) => this.known.get(s) ?? this.readOne(s)));
    return versions.map((v) => `${this.epoch}.${v}`);
  }

  async bump(scopes: readonly string[]): Promise<void> {
    try {
      const next = await this.increment(scopes);
      this.apply(scopes.map((s, i) => [s, next[i] ?? 0]));
    } catch (err) {
      this.lost(err);
      for (const s of scopes) this.pending.add(s);
      this.apply(scopes.map((s) => [s, (this.known.get(s) ?? 0) + 1]));
    }
  }

  private async increment(scopes: readonly string[]): Promise<number[]> {
    const multi = this.cmd.multi();
    for (const s of scopes) multi.hincrby(this.hash, s, 1);
    const results = (await multi.exec()) ?? [];
    const next = results.map(([err, value]) => {
      if (err) throw err;
      return Number(value);
    });
    const bumped = Object.fromEntries(scopes.map((s, i) => [s, next[i]]));
    await this.cmd.publish(this.channel, JSON.stringify(bumped));
    return next;
  }

  private readOne(scope: string): Promise<number> {
    const inFlight = this.reading.get(scope);
    if (inFlight) return inFlight;
    const reading = (async () => {
      if (!this.coordinated) return this.known.get(scope) ?? 0;
      try {
        const value = Number((await this.cmd.hget(this.hash, scope)) ?? 0);
        // A bump heard meanwhile is newer than what the read returned.
        const version = Math.max(value, this.known.get(scope) ?? 0);
        this.known.set(scope, version);
        return version;
      } catch (err) {
        this.lost(err);
        return this.known.get(scope) ?? 0;
      } finally {
        this.reading.delete(scope);
      }
    })();
    this.reading.set(scope, reading);
    return reading;
  }

  private heard(message: string): void {
    let bumped: Record<string, unknown>;
    try {
      bumped = JSON.parse(message) as Record<string, unknown>;
    } catch {
      return;
    }
    const changes: [string, number][] = [];
    for (const [scope, value] of Object.entries(bumped))
      if (typeof value === "number" && value > (this.known.get(scope) ?? 0)) changes.push([scope, value]);
    this.apply(changes);
  }

  private apply(changes: readonly (readonly [string, number])[]): void {
    if (changes.length === 0) return;
    for (const [scope, version] of changes) this.known.set(scope, version);
    const scopes = changes.map(([s]) => s);
    for (const l of this.listeners) l(scopes);
  }

  private async resync(): Promise<void> {
    try {
      if (this.sub.status !== "ready" || this.cmd.status !== "ready") return;
      await this.sub.subscribe(this.channel);
      await this.cmd.set(`${this.hash}:epoch`, Date.now().toString(36), "NX");
      const epoch = (await this.cmd.get(`${this.hash}:epoch`)) ?? "0";
      const waiting = [...this.pending];
      if (waiting.length > 0) {
        await this.increment(waiting);
        for (const s of waiting) this.pending.delete(s);
      }
      const all = await this.cmd.hgetall(this.hash);
      // Redis is the truth now: every scope takes its value there (a scope it lacks is at 0).
      const newEpoch = epoch !== this.epoch;
      this.epoch = epoch;
      const changes: [string, number][] = [];
      for (const scope of new Set([...this.known.keys(), ...Object.keys(all)])) {
        const version = Number(all[scope] ?? 0);
        if (newEpoch || version !== this.known.get(scope)) changes.push([scope, version]);
      }
      this.synced = true;
      this.apply(changes);
      this.outage.ok();
    } catch (err) {
      this.lost(err);
    }
  }

  private lost(err?: unknown): void {
    this.synced = false;
    // Closing the connections at shutdown is not an outage.
    if (!this.closing) this.outage.failed(err);
  }
}
