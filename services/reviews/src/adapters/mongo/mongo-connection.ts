// One MongoDB client for the service's collections, set up to fail fast: a server that cannot be
// reached is given up on after a short server-selection timeout, and a socket that stops answering
// after a short socket timeout, so a request meets a clear 503 ("Reviews are unavailable right now")
// instead of hanging. The collections' indexes are created before the first operation (again after a
// failure), so the unique rules hold from the first write. One warning per outage, not one per request.
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

export const UNAVAILABLE_MESSAGE = "Reviews are unavailable right now; please try again in a few minutes";

export const COLLECTIONS = {
  reviews: "reviews",
  votes: "helpful_votes",
  purchases: "purchases",
  orders: "orders",
} as const;

/**
 * The indexes each collection needs. The listing indexes end in createdAt and _id, the tie-breakers
 * of every sort order, so a keyset page is one index walk; rating has one per direction because both
 * directions list newest first among equal ratings.
 */
export const INDEXES: Record<keyof typeof COLLECTIONS, IndexDescription[]> = {
  reviews: [
    { key: { productId: 1, customerId: 1 }, unique: true, name: "one_review_per_customer_and_product" },
    { key: { productId: 1, status: 1, createdAt: -1, _id: -1 }, name: "by_product_newest" },
    {
      key: { productId: 1, status: 1, helpfulCount: -1, createdAt: -1, _id: -1 },
      name: "by_product_helpful",
    },
    { key: { productId: 1, status: 1, rating: -1, createdAt: -1, _id: -1 }, name: "by_product_rating_desc" },
    { key: { productId: 1, status: 1, rating: 1, createdAt: -1, _id: -1 }, name: "by_product_rating_asc" },
    { key: { customerId: 1, createdAt: -1, _id: -1 }, name: "by_author" },
    { key: { status: 1, createdAt: 1, _id: 1 }, name: "moderation_queue" },
    { key: { summaryMarkedAt: 1 }, sparse: true, name: "summary_due" },
    { key: { auditDueAt: 1 }, sparse: true, name: "audit_due" },
  ],
  votes: [
    { key: { reviewId: 1, customerId: 1 }, unique: true, name: "one_vote_per_customer_and_review" },
    { key: { uncountedSince: 1 }, sparse: true, name: "uncounted" },
  ],
  purchases: [{ key: { customerId: 1, productId: 1 }, unique: true, name: "customer_product" }],
  orders: [],
};

export interface MongoOptions {
  url: string;
  dbName: string;
  log: Logger;
  /** How long an operation waits for a server it cannot reach (default 2 s). */
  serverSelectionTimeoutMs?: number;
  /** How long an operation waits on a connected server that stopped answering (default 5 s). */
  socketTimeoutMs?: number;
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

  constructor(private readonly options: MongoOptions) {
    this.outage = outageLog(options.log, "MongoDB", "reviews answer 503 until it is back");
    const selection = options.serverSelectionTimeoutMs ?? 2_000;
    this.client = new MongoClient(options.url, {
      appName: "emporium-reviews",
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
      for (const [name, indexes] of Object.entries(INDEXES) as [
        keyof typeof COLLECTIONS,
        IndexDescription[],
      ][])
        if (indexes.length > 0) await this.db.collection(COLLECTIONS[name]).createIndexes(indexes);
    })().catch((err: unknown) => {
      this.indexes = null;
      throw err;
    });
    return this.indexes;
  }

  /**
   * Runs one store operation once the indexes exist; a server that cannot be reached becomes
   * UnavailableError (503) with a message a shopper can read, and the indexes are ensured again first
   * thing after it.
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
      throw new UnavailableError(UNAVAILABLE_MESSAGE);
    }
  }

  async ping(): Promise<void> {
    await this.run(() => this.db.command({ ping: 1 }));
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
