// Reviews in MongoDB: one document per review (content, moderation state and history, reply, helpful
// count), helpful votes in their own collection (one per customer and review, by a unique index), and
// the rating-summary mark as two fields on the review, set in the same single-document write as the
// change that makes it due, and likewise a staff change's audit event, pushed onto the review's
// `pendingAudit` in the write that makes the change and pulled by id once published (a one-document
// outbox). Only operators mongo-java-server (CI's stand-in) and MongoDB share are used.
import type { Collection, Filter, Sort, UpdateFilter } from "mongodb";
import type { Envelope, StaffAction } from "@emporium/contracts";
import type { ReviewCursor } from "../../domain/cursor";
import { emptyCounts } from "../../domain/review";
import {
  RATINGS,
  type ModerationEntry,
  type Rating,
  type RatingCounts,
  type Review,
  type ReviewSort,
  type ReviewStatus,
} from "../../domain/types";
import type { ApprovedPageQuery, PendingAudit, ReviewStore, SummaryMark } from "../../ports/review-store";
import { COLLECTIONS, isDuplicateKey, type MongoConnection } from "./mongo-connection";

interface ReviewDoc {
  _id: string;
  productId: string;
  customerId: string;
  authorName: string;
  rating: Rating;
  title: string;
  body: string;
  /**
   * The review's checked photos. Reviews written before photos were checked could carry bare keys
   * (strings) that no upload ever filled; they are not photos and are read as none.
   */
  photos: (PhotoDoc | string)[];
  status: ReviewStatus;
  rejectionReason: string | null;
  helpfulCount: number;
  reply: { body: string; by: string; at: Date } | null;
  history: { action: ModerationEntry["action"]; by: string; at: Date; reason?: string }[];
  createdAt: Date;
  updatedAt: Date;
  version: number;
  summaryMark?: string;
  summaryMarkedAt?: Date;
  /** Audit events of staff changes to this review, waiting to be published, oldest first. */
  pendingAudit?: AuditDoc[];
  /** When the oldest of them was written; present while any waits (the relay's index). */
  auditDueAt?: Date;
}

interface PhotoDoc {
  key: string;
  alt: string;
  width: number;
  height: number;
}

/** An audit event's envelope as stored: the same fields, with no undefined one. */
interface AuditDoc {
  id: string;
  type: string;
  occurredAt: string;
  aggregateId: string;
  data: StaffAction;
  traceparent?: string;
}

interface VoteDoc {
  reviewId: string;
  customerId: string;
  at: Date;
  /** Present until the vote is in the review's helpful count. */
  uncountedSince?: Date;
}

type ReviewFields = Omit<
  ReviewDoc,
  "_id" | "helpfulCount" | "summaryMark" | "summaryMarkedAt" | "pendingAudit" | "auditDueAt"
>;

function auditDocOf(e: Envelope<StaffAction>): AuditDoc {
  return {
    id: e.id,
    type: e.type,
    occurredAt: e.occurredAt,
    aggregateId: e.aggregateId,
    data: e.data,
    ...(e.traceparent !== undefined ? { traceparent: e.traceparent } : {}),
  };
}

function fieldsOf(r: Review): ReviewFields {
  return {
    productId: r.productId,
    customerId: r.customerId,
    authorName: r.authorName,
    rating: r.rating,
    title: r.title,
    body: r.body,
    photos: r.photos.map((p) => ({ key: p.key, alt: p.alt, width: p.width, height: p.height })),
    status: r.status,
    rejectionReason: r.rejectionReason,
    reply: r.reply ? { body: r.reply.body, by: r.reply.by, at: new Date(r.reply.at) } : null,
    history: r.history.map((h) => ({
      action: h.action,
      by: h.by,
      at: new Date(h.at),
      ...(h.reason !== undefined ? { reason: h.reason } : {}),
    })),
    createdAt: new Date(r.createdAt),
    updatedAt: new Date(r.updatedAt),
    version: r.version,
  };
}

function reviewOf(d: ReviewDoc): Review {
  return {
    id: d._id,
    productId: d.productId,
    customerId: d.customerId,
    authorName: d.authorName,
    rating: d.rating,
    title: d.title,
    body: d.body,
    photos: d.photos.flatMap((p) =>
      typeof p === "string" ? [] : [{ key: p.key, alt: p.alt, width: p.width, height: p.height }],
    ),
    status: d.status,
    rejectionReason: d.rejectionReason,
    helpfulCount: d.helpfulCount,
    reply: d.reply ? { body: d.reply.body, by: d.reply.by, at: d.reply.at.toISOString() } : null,
    history: d.history.map((h) => ({
      action: h.action,
      by: h.by,
      at: h.at.toISOString(),
      ...(h.reason !== undefined ? { reason: h.reason } : {}),
    })),
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    version: d.version,
  };
}

const NEWEST = { createdAt: -1, _id: -1 } as const;

function sortOf(sort: ReviewSort): Sort {
  switch (sort) {
    case "newest":
      return NEWEST;
    case "helpful":
      return { helpfulCount: -1, ...NEWEST };
    case "rating_desc":
      return { rating: -1, ...NEWEST };
    case "rating_asc":
      return { rating: 1, ...NEWEST };
  }
}

/** Strictly after `c` in its sort order: the three cases of comesAfter (domain/cursor.ts) as an $or. */
function afterFilter(c: ReviewCursor): Filter<ReviewDoc> {
  const createdAt = new Date(c.createdAt);
  const tail: Filter<ReviewDoc>[] = [{ createdAt: { $lt: createdAt } }, { createdAt, _id: { $lt: c.id } }];
  if (c.sort === "newest" || c.key === null) return { $or: tail };
  const field = c.sort === "helpful" ? "helpfulCount" : "rating";
  const beyond = c.sort === "rating_asc" ? { $gt: c.key } : { $lt: c.key };
  return {
    $or: [{ [field]: beyond }, ...tail.map((t) => ({ [field]: c.key, ...t }))],
  };
}

export class MongoReviewStore implements ReviewStore {
  private readonly reviews: Collection<ReviewDoc>;
  private readonly votes: Collection<VoteDoc>;

  constructor(private readonly mongo: MongoConnection) {
    this.reviews = mongo.db.collection<ReviewDoc>(COLLECTIONS.reviews);
    this.votes = mongo.db.collection<VoteDoc>(COLLECTIONS.votes);
  }

  insert(review: Review): Promise<"inserted" | "duplicate"> {
    return this.mongo.run(async () => {
      try {
        await this.reviews.insertOne({
          _id: review.id,
          ...fieldsOf(review),
          helpfulCount: review.helpfulCount,
        });
        return "inserted";
      } catch (err) {
        if (isDuplicateKey(err)) return "duplicate";
        throw err;
      }
    });
  }

  get(id: string): Promise<Review | null> {
    return this.mongo.run(async () => {
      const doc = await this.reviews.findOne({ _id: id });
      return doc ? reviewOf(doc) : null;
    });
  }

  update(
    next: Review,
    expectedVersion: number,
    mark: string | null,
    audit?: Envelope<StaffAction>,
  ): Promise<"updated" | "stale"> {
    return this.mongo.run(async () => {
      const now = new Date();
      const change: UpdateFilter<ReviewDoc> = {
        $set: { ...fieldsOf(next), ...(mark ? { summaryMark: mark, summaryMarkedAt: now } : {}) },
        // One document, one write: the change and its audit event are stored together or not at all.
        ...(audit ? { $push: { pendingAudit: auditDocOf(audit) }, $min: { auditDueAt: now } } : {}),
      };
      const result = await this.reviews.updateOne({ _id: next.id, version: expectedVersion }, change);
      return result.matchedCount === 1 ? "updated" : "stale";
    });
  }

  approvedPage(q: ApprovedPageQuery): Promise<Review[]> {
    return this.mongo.run(async () => {
      const filter: Filter<ReviewDoc> = {
        productId: q.productId,
        status: "approved",
        ...(q.after ? afterFilter(q.after) : {}),
      };
      const docs = await this.reviews.find(filter).sort(sortOf(q.sort)).limit(q.limit).toArray();
      return docs.map(reviewOf);
    });
  }

  ratingCounts(productId: string): Promise<RatingCounts> {
    return this.mongo.run(async () => {
      const groups = await this.reviews
        .aggregate<{ _id: number; n: number }>([
          { $match: { productId, status: "approved" } },
          { $group: { _id: "$rating", n: { $sum: 1 } } },
        ])
        .toArray();
      const counts = emptyCounts();
      for (const g of groups) {
        const rating = RATINGS.find((r) => r === g._id);
        if (rating) counts[rating] = g.n;
      }
      return counts;
    });
  }

  byCustomer(customerId: string, offset: number, limit: number) {
    return this.mongo.run(async () => {
      const [docs, total] = await Promise.all([
        this.reviews.find({ customerId }).sort(NEWEST).skip(offset).limit(limit).toArray(),
        this.reviews.countDocuments({ customerId }),
      ]);
      return { items: docs.map(reviewOf), total };
    });
  }

  pending(offset: number, limit: number) {
    return this.mongo.run(async () => {
      const [docs, total] = await Promise.all([
        this.reviews
          .find({ status: "pending" })
          .sort({ createdAt: 1, _id: 1 })
          .skip(offset)
          .limit(limit)
          .toArray(),
        this.reviews.countDocuments({ status: "pending" }),
      ]);
      return { items: docs.map(reviewOf), total };
    });
  }

  addVote(reviewId: string, customerId: string, at: Date): Promise<"added" | "duplicate"> {
    return this.mongo.run(async () => {
      try {
        await this.votes.insertOne({ reviewId, customerId, at, uncountedSince: at });
        return "added";
      } catch (err) {
        if (isDuplicateKey(err)) return "duplicate";
        throw err;
      }
    });
  }

  recountVotes(reviewId: string): Promise<number> {
    return this.mongo.run(async () => {
      // Only the votes seen before counting are marked counted: one recorded meanwhile keeps its mark
      // until its own recount (or the repair sweep) has counted it.
      const seen = await this.votes
        .find({ reviewId, uncountedSince: { $exists: true } }, { projection: { _id: 1 } })
        .toArray();
      const votes = await this.votes.countDocuments({ reviewId });
      await this.reviews.updateOne({ _id: reviewId }, { $max: { helpfulCount: votes } });
      if (seen.length > 0)
        await this.votes.updateMany(
          { _id: { $in: seen.map((v) => v._id) } },
          { $unset: { uncountedSince: "" } },
        );
      const review = await this.reviews.findOne({ _id: reviewId }, { projection: { helpfulCount: 1 } });
      return review?.helpfulCount ?? votes;
    });
  }

  reviewsWithUncountedVotes(before: Date, limit: number): Promise<string[]> {
    return this.mongo.run(async () => {
      const votes = await this.votes
        .find({ uncountedSince: { $lt: before } }, { projection: { reviewId: 1 } })
        .sort({ uncountedSince: 1 })
        .limit(limit * 10)
        .toArray();
      return [...new Set(votes.map((v) => v.reviewId))].slice(0, limit);
    });
  }

  summaryMarks(limit: number): Promise<SummaryMark[]> {
    return this.mongo.run(async () => {
      const docs = await this.reviews
        .find(
          { summaryMarkedAt: { $exists: true } },
          { projection: { _id: 1, productId: 1, summaryMark: 1 } },
        )
        .sort({ summaryMarkedAt: 1 })
        .limit(limit)
        .toArray();
      return docs.flatMap((d) =>
        d.summaryMark ? [{ reviewId: d._id, productId: d.productId, mark: d.summaryMark }] : [],
      );
    });
  }

  clearSummaryMark(reviewId: string, mark: string): Promise<void> {
    return this.mongo.run(async () => {
      await this.reviews.updateOne(
        { _id: reviewId, summaryMark: mark },
        { $unset: { summaryMark: "", summaryMarkedAt: "" } },
      );
    });
  }

  pendingAudit(limit: number): Promise<PendingAudit[]> {
    return this.mongo.run(async () => {
      const docs = await this.reviews
        .find({ auditDueAt: { $exists: true } }, { projection: { _id: 1, pendingAudit: 1 } })
        .sort({ auditDueAt: 1 })
        .limit(limit)
        .toArray();
      return docs.flatMap((d) =>
        d.pendingAudit && d.pendingAudit.length > 0
          ? [{ reviewId: d._id, envelopes: d.pendingAudit.map((e) => ({ ...e })) }]
          : [],
      );
    });
  }

  clearAudit(reviewId: string, envelopeIds: readonly string[]): Promise<void> {
    return this.mongo.run(async () => {
      await this.reviews.updateOne(
        { _id: reviewId },
        { $pull: { pendingAudit: { id: { $in: [...envelopeIds] } } } },
      );
      // Only while nothing was added in between: an event pushed meanwhile keeps the review due.
      await this.reviews.updateOne(
        { _id: reviewId, pendingAudit: { $size: 0 } },
        { $unset: { pendingAudit: "", auditDueAt: "" } },
      );
    });
  }
}
