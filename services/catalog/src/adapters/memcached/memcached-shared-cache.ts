// The shared cache on Memcached (memjs, binary protocol). Keys are spread over the servers of
// MEMCACHED_SERVERS by consistent hashing (a ketama ring from `hashring`), so adding or losing one node
// moves only that node's share of the keys. Values are JSON. A server that fails is skipped for a few
// seconds (memjs's failover) and every failure reads as a miss: the catalog then answers from its own
// memory and PostgreSQL, with one warning per outage in the log.
import { createHash } from "node:crypto";
import HashRing from "hashring";
import memjs from "memjs";
import { outageLog, type Logger, type OutageLog } from "@emporium/observability";
import type { SharedCache } from "../../ports/cache";

export interface MemcachedOptions {
  /** host:port of each server. */
  servers: readonly string[];
  log: Logger;
  /** How long one operation may take before it counts as failed (ms). */
  timeoutMs?: number;
}

/** Memcached's default largest item (1 MiB); a larger answer is simply not shared. */
const MAX_VALUE_BYTES = 1024 * 1024 - 1024;

export class MemcachedSharedCache implements SharedCache {
  private readonly client: memjs.Client;
  private readonly outage: OutageLog;

  constructor(options: MemcachedOptions) {
    if (options.servers.length === 0) throw new Error("MemcachedSharedCache needs at least one server");
    const timeout = (options.timeoutMs ?? 250) / 1000;
    this.client = memjs.Client.create(options.servers.join(","), {
      retries: 1,
      timeout,
      conntimeout: timeout * 2,
      keepAlive: true,
      // A failed server is skipped for 5 s (its keys go to the next one), then tried again.
      failover: true,
      failoverTime: 5,
      // Failures are reported once per outage through `outage`, not by memjs on every request.
      logger: { log: () => undefined },
    });
    const ring = new HashRing([...options.servers]);
    const index = new Map(options.servers.map((s, i) => [s, String(i)]));
    this.client.getServer = (key) => index.get(ring.get(key)) ?? "0";
    this.outage = outageLog(
      options.log,
      "Memcached",
      "the catalog answers from its in-process cache and PostgreSQL until it returns",
    );
  }

  async get<T>(key: string): Promise<T | undefined> {
    try {
      const { value } = await this.client.get(memcachedKey(key));
      this.outage.ok();
      return value ? (JSON.parse(value.toString("utf8")) as T) : undefined;
    } catch (err) {
      this.outage.failed(err);
      return undefined;
    }
  }

  async set<T>(key: string, value: T, ttlMs: number): Promise<void> {
    const json = Buffer.from(JSON.stringify(value), "utf8");
    if (json.length > MAX_VALUE_BYTES) return;
    try {
      await this.client.set(memcachedKey(key), json, { expires: seconds(ttlMs) });
      this.outage.ok();
    } catch (err) {
      this.outage.failed(err);
    }
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    try {
      // `add` stores only when the key is absent: exactly one replica gets true until it expires.
      const won = await this.client.add(memcachedKey(key), "1", { expires: seconds(ttlMs) });
      this.outage.ok();
      return won;
    } catch (err) {
      this.outage.failed(err);
      return true;
    }
  }

  async release(key: string): Promise<void> {
    try {
      await this.client.delete(memcachedKey(key));
      this.outage.ok();
    } catch (err) {
      this.outage.failed(err);
    }
  }

  async close(): Promise<void> {
    this.client.close();
  }
}

/** Memcached counts time to live in whole seconds. */
const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * Memcached refuses keys longer than 250 bytes or with spaces and control characters, and a listing's
 * key holds the shopper's search words: every key is stored under its SHA-256 instead.
 */
function memcachedKey(key: string): string {
  return `emporium:${createHash("sha256").update(key).digest("base64url")}`;
}
