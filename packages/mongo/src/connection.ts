// One MongoDB client for a service's collections, set up to fail fast: a server that cannot be reached is
// given up on after a short server-selection timeout, and a socket that stops answering after a short
// socket timeout, so a request meets a clear 503 (the service's own "… unavailable right now") instead of
// hanging. The collections' indexes are created before the first operation (again after a failure, since
// the server that answers next may be a replaced or emptied one), so unique rules hold from the first
// write. One warning per outage, not one per request.
import {
  MongoClient,
  MongoClientClosedError,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoOperationTimeoutError,
  MongoServerClosedError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
  type Db,
  type IndexDescription,
} from "mongodb";
import { outageLog, type Logger, type OutageLog } from "@emporium/observability";
import { UnavailableError } from "@emporium/service-kit/errors";

export interface MongoOptions {
  url: string;
  dbName: string;
  log: Logger;
  /** How long an operation waits for a server it cannot reach (default 2 s). */
  serverSelectionTimeoutMs?: number;
  /** How long an operation waits on a connected server that stopped answering (default 5 s). */
  socketTimeoutMs?: number;
}

/** What a service's connection is for: its name, the indexes its collections need, its 503 message. */
export interface MongoUsage {
  /** The client's name in the server's logs and currentOp ("emporium-reviews"). */
  appName: string;
  /** Each collection's indexes, by collection name (an empty list: none beyond _id). */
  indexes: Readonly<Record<string, readonly IndexDescription[]>>;
  /** What a caller is told while the server cannot be reached (answered as 503). */
  unavailableMessage: string;
  /** What an outage means for the service, logged once when it starts ("reviews answer 503 until it is back"). */
  outageMeaning: string;
}

const UNREACHABLE = [
  MongoServerSelectionError,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoTopologyClosedError,
  MongoClientClosedError,
  MongoServerClosedError,
  MongoOperationTimeoutError,
];

/** The server or the network failed, as opposed to a refused operation. */
export function isUnreachable(err: unknown): boolean {
  return UNREACHABLE.some((type) => err instanceof type);
}

export function isDuplicateKey(err: unknown): boolean {
  return err instanceof MongoServerError && err.code === 11000;
}

/** "mongodb://db.internal:27017" with any password left out, for logs and /readyz. */
export function redactedUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, "//");
}

export class MongoConnection {
  readonly client: MongoClient;
  readonly db: Db;
  private indexes: Promise<void> | null = null;
  private readonly outage: OutageLog;

  constructor(
    private readonly options: MongoOptions,
    private readonly usage: MongoUsage,
  ) {
    this.outage = outageLog(options.log, "MongoDB", usage.outageMeaning);
    const selection = options.serverSelectionTimeoutMs ?? 2_000;
    this.client = new MongoClient(options.url, {
      appName: usage.appName,
      serverSelectionTimeoutMS: selection,
      connectTimeoutMS: selection,
      socketTimeoutMS: options.socketTimeoutMs ?? 5_000,
      maxPoolSize: 20,
    });
    this.db = this.client.db(options.dbName);
  }

  get description(): string {
    return `MongoDB database ${this.options.dbName} at ${redactedUrl(this.options.url)}`;
  }

  private ensureIndexes(): Promise<void> {
    this.indexes ??= (async () => {
      for (const [collection, indexes] of Object.entries(this.usage.indexes))
        if (indexes.length > 0) await this.db.collection(collection).createIndexes([...indexes]);
    })().catch((err: unknown) => {
      this.indexes = null;
      throw err;
    });
    return this.indexes;
  }

  /**
   * Runs one store operation once the indexes exist; a server that cannot be reached becomes
   * UnavailableError (503) with the service's message, and the indexes are ensured again first thing
   * after it.
   */
  async run<T>(operation: () => Promise<T>): Promise<T> {
    try {
      await this.ensureIndexes();
      const result = await operation();
      this.outage.ok();
      return result;
    } catch (err) {
      if (!isUnreachable(err)) throw err;
      // The server that answers next may have lost them (a replaced or emptied database): the unique
      // rules must hold from the first write after the outage too.
      this.indexes = null;
      this.outage.failed(err);
      throw new UnavailableError(this.usage.unavailableMessage);
    }
  }

  async ping(): Promise<void> {
    await this.run(() => this.db.command({ ping: 1 }));
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
