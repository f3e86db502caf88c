// Every staff procedure of the reviews service × every kind of caller: each call succeeds exactly where
// the permission matrix of @emporium/auth grants it, and is refused with 401 (anonymous) or 403
// (everyone else) otherwise — and a refused call changes nothing. Authorization does not depend on the
// store, so this walk runs once, on the embedded one.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { can } from "@emporium/auth";
import {
  summarizeMatrix,
  TEST_PRINCIPALS,
  walkPermissionMatrix,
  type GuardedProcedure,
} from "@emporium/auth/testing";
import { memoryReviewsStorage } from "../src/adapters/memory/memory-storage";
import { appRouter } from "../src/api/router/_app";
import { createReviewsFixture, shopper, type Caller, type ReviewsFixture } from "./fixture";

describe("reviews staff procedures × callers", () => {
  let f: ReviewsFixture;

  beforeAll(async () => {
    f = await createReviewsFixture(memoryReviewsStorage());
  });
  afterAll(() => f?.dispose());

  /** A new review waiting for moderation, so every allowed call has something to act on. */
  async function pendingReview(): Promise<string> {
    const author = shopper();
    const productId = randomUUID();
    await f.deliver(author, [productId]);
    const written = await f.as(author).review.write({ productId, rating: 3, title: "Fine", body: "Fine." });
    return written.id;
  }

  it("allows each exactly where the permission matrix does", async () => {
    const decided: string[] = [];
    const procedures: Record<string, GuardedProcedure<Caller>> = {
      "moderation.queue": { permission: "reviews.read", call: (c) => c.moderation.queue({}) },
      "moderation.approve": {
        permission: "reviews.moderate",
        call: async (c) => {
          const reviewId = await pendingReview();
          decided.push(reviewId);
          return c.moderation.approve({ reviewId });
        },
      },
      "moderation.reject": {
        permission: "reviews.moderate",
        call: async (c) => {
          const reviewId = await pendingReview();
          decided.push(reviewId);
          return c.moderation.reject({ reviewId, reason: "Not about the product" });
        },
      },
      "moderation.reply": {
        permission: "reviews.moderate",
        call: async (c) => c.moderation.reply({ reviewId: await pendingReview(), body: "Thanks!" }),
      },
    };
    // Every staff procedure the router has must be in the walk: a new one without an entry fails here.
    const staffPaths = Object.keys(appRouter._def.procedures).filter((p) => p.startsWith("moderation."));
    expect(Object.keys(procedures).sort()).toEqual(staffPaths.sort());

    const { outcomes, unexpected } = await walkPermissionMatrix(procedures, (principal) => f.as(principal));
    console.log(summarizeMatrix("reviews", outcomes, unexpected));
    expect(unexpected).toEqual([]);
    expect(outcomes).toHaveLength(staffPaths.length * Object.keys(TEST_PRINCIPALS).length);

    // Refused decisions left their reviews pending; allowed ones decided them.
    const allowed = Object.values(TEST_PRINCIPALS).filter((p) => can(p, "reviews.moderate")).length;
    const stillPending = [];
    for (const id of decided)
      if ((await f.storage.reviews.get(id))?.status === "pending") stillPending.push(id);
    expect(decided.length - stillPending.length).toBe(2 * allowed);
  });
});
