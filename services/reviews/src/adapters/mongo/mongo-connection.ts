// The reviews service's MongoDB connection: @emporium/mongo's fail-fast client (a request meets a clear
// 503, "Reviews are unavailable right now", instead of hanging; one warning per outage) with this
// service's collections and indexes, created before the first operation and again after a failure, so
// the unique rules hold from the first write.
import type { IndexDescription } from "mongodb";
import { MongoConnection as SharedMongoConnection, type MongoOptions } from "@emporium/mongo";

export { isDuplicateKey, isUnreachable, redactedUrl, type MongoOptions } from "@emporium/mongo";

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

/** The connection the reviews stores share: the indexes above, the reviews service's 503 message. */
export class MongoConnection extends SharedMongoConnection {
  constructor(options: MongoOptions) {
    super(options, {
      appName: "emporium-reviews",
      indexes: Object.fromEntries(
        Object.entries(INDEXES).map(([name, indexes]) => [
          COLLECTIONS[name as keyof typeof COLLECTIONS],
          indexes,
        ]),
      ),
      unavailableMessage: UNAVAILABLE_MESSAGE,
      outageMeaning: "reviews answer 503 until it is back",
    });
  }
}
