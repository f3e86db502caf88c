// The reviews procedures as the apps call them, on a given document store: bad input refused with a 4xx
// naming the problem and nothing stored; reviews only from shoppers who received the product, once per
// product; markup kept as written; the moderation flow from the queue to the shop and back, with the
// rating summaries it publishes; helpful votes once per shopper; paging in every order. Run on the
// embedded store (procedures.test.ts) and on MongoDB (procedures.int.test.ts).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TRPCError } from "@trpc/server";
import { zodIssuePath } from "@emporium/runtime";
import { InvalidInputError, NotFoundError } from "@emporium/service-kit/errors";
import { ZodError } from "zod";
import type { ReviewsStorage } from "../src/ports/reviews-storage";
import { createReviewsFixture, manager, refusal, shopper, type ReviewsFixture } from "./fixture";

/** The input field a refusal names (what the HTTP answer carries as data.field). */
function fieldOf(err: TRPCError): string | undefined {
  const cause = err.cause;
  if (cause instanceof InvalidInputError || cause instanceof NotFoundError) return cause.field;
  if (cause instanceof ZodError) return cause.issues[0] ? zodIssuePath(cause.issues[0]) : undefined;
  return undefined;
}

const review = (productId: string, overrides: Record<string, unknown> = {}) => ({
  productId,
  rating: 4,
  title: "Warm and well made",
  body: "Wore it all winter.",
  ...overrides,
});

export function procedureSuite(
  name: string,
  available: boolean,
  makeStorage: () => Promise<{ storage: ReviewsStorage; dispose(): Promise<void> }>,
): void {
  describe.runIf(available)(`reviews procedures on ${name}`, () => {
    let f: ReviewsFixture;

    beforeAll(async () => {
      const { storage, dispose } = await makeStorage();
      f = await createReviewsFixture(storage, dispose);
    });
    afterAll(() => f?.dispose());

    /** Nothing of `customer`'s is stored, and nothing waits in the queue for `productId`. */
    async function nothingStored(customer: ReturnType<typeof shopper>, productId: string) {
      expect((await f.as(customer).review.mine({})).total).toBe(0);
      expect((await f.as().review.summary({ productId })).count).toBe(0);
      const queue = await f.as(manager).moderation.queue({});
      expect(queue.items.filter((r) => r.productId === productId)).toEqual([]);
    }

    it("refuses bad input with a 400 naming the field, and stores nothing", async () => {
      const ann = shopper("ann");
      const productId = randomUUID();
      await f.deliver(ann, [productId]);
      const as = f.as(ann);
      const cases: [what: string, input: Record<string, unknown>, field: string][] = [
        ["no stars", review(productId, { rating: 0 }), "rating"],
        ["six stars", review(productId, { rating: 6 }), "rating"],
        ["half a star", review(productId, { rating: 2.5 }), "rating"],
        ["stars as text", review(productId, { rating: "5" }), "rating"],
        ["a 100 KB body", review(productId, { body: "x".repeat(100 * 1024) }), "body"],
        ["a 5,001-character body", review(productId, { body: "x".repeat(5_001) }), "body"],
        ["a 121-character title", review(productId, { title: "t".repeat(121) }), "title"],
        ["a blank title", review(productId, { title: "   " }), "title"],
        ["a blank body", review(productId, { body: "\n\t " }), "body"],
        ["no product", review("not-a-product"), "productId"],
        ["a photo that is not an object", review(productId, { photos: ["reviews/a.webp"] }), "photos.0"],
        [
          "a photo from elsewhere",
          review(productId, { photos: [{ key: "products/x/y-1600.webp" }] }),
          "photos.0.key",
        ],
        [
          "five photos",
          review(productId, { photos: Array.from({ length: 5 }, (_, i) => ({ key: `reviews/${i}` })) }),
          "photos",
        ],
        ["an unknown field", review(productId, { verified: true }), "verified"],
      ];
      for (const [what, input, field] of cases) {
        // @ts-expect-error -- deliberately malformed input, as a hand-made request could send it
        const err = await refusal(as.review.write(input), "BAD_REQUEST");
        expect(fieldOf(err), what).toBe(field);
      }
      await nothingStored(ann, productId);
      // The limits themselves are fine.
      const ok = await as.review.write(
        review(productId, { rating: 5, title: "t".repeat(120), body: "b".repeat(5_000) }),
      );
      expect(ok).toMatchObject({ status: "pending", rating: 5 });
    });

    it("refuses a review of a product the shopper has not received (412), storing nothing", async () => {
      const bob = shopper("bob");
      const never = randomUUID();
      const err = await refusal(f.as(bob).review.write(review(never)), "PRECONDITION_FAILED");
      expect(err.message).toMatch(/once it has been delivered to you/);
      // Ordered but not delivered yet; delivered to a guest; delivered to someone else.
      const ordered = randomUUID();
      await f.deliver(bob, [ordered], { delivered: false });
      await refusal(f.as(bob).review.write(review(ordered)), "PRECONDITION_FAILED");
      const guestBought = randomUUID();
      await f.deliver({ kind: "anonymous" }, [guestBought]);
      await refusal(f.as(bob).review.write(review(guestBought)), "PRECONDITION_FAILED");
      const otherBought = randomUUID();
      await f.deliver(shopper("carol"), [otherBought]);
      await refusal(f.as(bob).review.write(review(otherBought)), "PRECONDITION_FAILED");
      for (const p of [never, ordered, guestBought, otherBought]) await nothingStored(bob, p);
      await refusal(f.as().review.write(review(never)), "UNAUTHORIZED");
    });

    it("learns a delivery once the catalog answers, however often the orders topic repeats it", async () => {
      const dan = shopper("dan");
      const [shirt, scarf] = [randomUUID(), randomUUID()];
      f.products.failures = 2;
      await f.deliver(dan, [shirt, scarf]);
      expect(f.products.failures).toBe(0);
      await f.as(dan).review.write(review(shirt));
      await f.as(dan).review.write(review(scarf));
      expect((await f.as(dan).review.mine({})).total).toBe(2);
    });

    it("keeps one review per shopper and product: a second is 409 and the first stays", async () => {
      const eve = shopper("eve");
      const productId = randomUUID();
      await f.deliver(eve, [productId]);
      await f.deliver(eve, [productId]);
      const first = await f.as(eve).review.write(review(productId, { rating: 5 }));
      const err = await refusal(f.as(eve).review.write(review(productId, { rating: 1 })), "CONFLICT");
      expect(err.message).toMatch(/already reviewed this product/);
      const mine = await f.as(eve).review.mine({});
      expect(mine.items.map((r) => [r.id, r.rating])).toEqual([[first.id, 5]]);
    });

    it("keeps markup exactly as written: escaping is the renderer's job", async () => {
      const fay = shopper("fay");
      const productId = randomUUID();
      await f.deliver(fay, [productId]);
      const title = `<img src=x onerror="alert('title')">`;
      const body = `<script>fetch("/steal?c=" + document.cookie)</script>\n& "quotes" 'too' — ok`;
      const written = await f
        .as(fay)
        .review.write(review(productId, { title, body, authorName: "<b>Fay</b>" }));
      await f.as(manager).moderation.approve({ reviewId: written.id });
      const [shown] = (await f.as().review.list({ productId })).items;
      expect(shown).toMatchObject({ title, body, authorName: "<b>Fay</b>" });
    });

    it("moderates: queued, approved into the shop, answered, edited back out, rejected with a reason", async () => {
      const [gus, hal] = [shopper("gus"), shopper("hal")];
      const productId = randomUUID();
      await f.deliver(gus, [productId]);
      await f.deliver(hal, [productId]);

      const written = await f.as(gus).review.write(review(productId, { rating: 4, authorName: "Gus" }));
      expect(written.status).toBe("pending");
      expect((await f.as().review.list({ productId })).items).toEqual([]);
      const queued = (await f.as(manager).moderation.queue({})).items.find((r) => r.id === written.id);
      expect(queued).toMatchObject({
        customerId: gus.kind === "shopper" ? gus.userId : "",
        status: "pending",
      });

      await f.as(manager).moderation.approve({ reviewId: written.id });
      const listed = await f.as().review.list({ productId });
      expect(listed.items.map((r) => r.id)).toEqual([written.id]);
      expect(listed.summary).toEqual({
        productId,
        average: 4,
        count: 1,
        distribution: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 0 },
      });
      expect(await f.latestRating(productId)).toEqual({ productId, average: 4, count: 1 });
      await refusal(f.as(manager).moderation.approve({ reviewId: written.id }), "CONFLICT");

      const other = await f.as(hal).review.write(review(productId, { rating: 1 }));
      await f.as(manager).moderation.approve({ reviewId: other.id });
      expect(await f.latestRating(productId)).toEqual({ productId, average: 2.5, count: 2 });
      expect(await f.as().review.summary({ productId })).toMatchObject({ average: 2.5, count: 2 });

      await f.as(manager).moderation.reply({ reviewId: written.id, body: "Thank you, <Gus>!" });
      const answered = (await f.as().review.list({ productId })).items.find((r) => r.id === written.id);
      expect(answered?.reply?.body).toBe("Thank you, <Gus>!");

      // The author's edit takes the review out of the shop until it is approved again.
      const edited = await f
        .as(gus)
        .review.edit({ reviewId: written.id, rating: 2, body: "Pilled quickly." });
      expect(edited).toMatchObject({ status: "pending", rating: 2, body: "Pilled quickly." });
      expect((await f.as().review.list({ productId })).items.map((r) => r.id)).toEqual([other.id]);
      expect(await f.latestRating(productId)).toEqual({ productId, average: 1, count: 1 });

      const noReason = await refusal(
        // @ts-expect-error -- the reason is required
        f.as(manager).moderation.reject({ reviewId: written.id }),
        "BAD_REQUEST",
      );
      expect(fieldOf(noReason)).toBe("reason");
      const blank = await refusal(
        f.as(manager).moderation.reject({ reviewId: written.id, reason: "  " }),
        "BAD_REQUEST",
      );
      expect(fieldOf(blank)).toBe("reason");
      const rejected = await f
        .as(manager)
        .moderation.reject({ reviewId: written.id, reason: "Mentions a price" });
      expect(rejected.history.map((h) => h.action)).toEqual([
        "submitted",
        "approved",
        "replied",
        "edited",
        "rejected",
      ]);
      expect((await f.as(gus).review.mine({})).items[0]).toMatchObject({
        id: written.id,
        status: "rejected",
        rejectionReason: "Mentions a price",
      });
      // A take-down of an approved review changes the summary too.
      await f.as(manager).moderation.reject({ reviewId: other.id, reason: "Abusive" });
      expect(await f.latestRating(productId)).toEqual({ productId, average: null, count: 0 });
      await refusal(f.as(manager).moderation.approve({ reviewId: randomUUID() }), "NOT_FOUND");

      // Every moderator's change is in the audit log: who, what, the fields before and after, why, and
      // the request — and nothing for the refused approval or for the author's edit.
      const actor =
        manager.kind === "staff" ? { userId: manager.userId, email: manager.email, role: "manager" } : null;
      const logged = await f.auditOf(written.id, 3);
      expect(logged.map((e) => e.data)).toEqual([
        {
          service: "reviews",
          actor,
          action: "review.approved",
          target: { type: "review", id: written.id, label: "Warm and well made" },
          changes: [{ field: "status", before: "pending", after: "approved" }],
          requestId: "test",
          traceId: "0af7651916cd43dd8448eb211c80319c",
        },
        expect.objectContaining({
          action: "review.replied",
          changes: [{ field: "reply", before: null, after: "Thank you, <Gus>!" }],
        }),
        expect.objectContaining({
          action: "review.rejected",
          changes: [{ field: "status", before: "pending", after: "rejected" }],
          reason: "Mentions a price",
        }),
      ]);
      expect(logged.map((e) => e.aggregateId)).toEqual([1, 2, 3].map(() => `review:${written.id}`));
      expect((await f.auditOf(other.id, 2)).map((e) => [e.data.action, e.data.reason])).toEqual([
        ["review.approved", undefined],
        ["review.rejected", "Abusive"],
      ]);
      expect(await f.storage.reviews.pendingAudit(10)).toEqual([]);
    });

    it("lets only its author edit a review, and only with a change", async () => {
      const [ivy, jon] = [shopper("ivy"), shopper("jon")];
      const productId = randomUUID();
      await f.deliver(ivy, [productId]);
      const written = await f.as(ivy).review.write(review(productId));
      await refusal(f.as(jon).review.edit({ reviewId: written.id, rating: 1 }), "NOT_FOUND");
      await refusal(f.as().review.edit({ reviewId: written.id, rating: 1 }), "UNAUTHORIZED");
      await refusal(f.as(ivy).review.edit({ reviewId: written.id }), "BAD_REQUEST");
      const tooLong = await refusal(
        f.as(ivy).review.edit({ reviewId: written.id, body: "x".repeat(100 * 1024) }),
        "BAD_REQUEST",
      );
      expect(fieldOf(tooLong)).toBe("body");
      expect((await f.as(ivy).review.mine({})).items[0]).toMatchObject({ rating: 4, body: written.body });
    });

    it("counts a shopper's helpful vote once, never on their own review", async () => {
      const [kim, lou] = [shopper("kim"), shopper("lou")];
      const productId = randomUUID();
      await f.deliver(kim, [productId]);
      const written = await f.as(kim).review.write(review(productId));
      // Not shown yet: nothing to vote on.
      await refusal(f.as(lou).review.markHelpful({ reviewId: written.id }), "NOT_FOUND");
      await f.as(manager).moderation.approve({ reviewId: written.id });

      expect(await f.as(lou).review.markHelpful({ reviewId: written.id })).toEqual({
        reviewId: written.id,
        helpfulCount: 1,
      });
      const twice = await refusal(f.as(lou).review.markHelpful({ reviewId: written.id }), "CONFLICT");
      expect(twice.message).toMatch(/already marked this review as helpful/);
      const own = await refusal(
        f.as(kim).review.markHelpful({ reviewId: written.id }),
        "PRECONDITION_FAILED",
      );
      expect(own.message).toMatch(/your own review/);
      await refusal(f.as().review.markHelpful({ reviewId: written.id }), "UNAUTHORIZED");
      expect((await f.as().review.list({ productId })).items[0]?.helpfulCount).toBe(1);
      // Helpful votes change no rating: no summary is published for them.
      const published = f.ratings.filter((r) => r.productId === productId).length;
      await f.as(shopper("max")).review.markHelpful({ reviewId: written.id });
      await f.service.relay?.drain();
      expect(f.ratings.filter((r) => r.productId === productId)).toHaveLength(published);
    });

    it("pages through a product's reviews in every order, refusing bad paging input", async () => {
      const productId = randomUUID();
      const ratings = [5, 3, 4, 1, 5, 2, 4];
      const ids: string[] = [];
      for (const rating of ratings) {
        const who = shopper();
        await f.deliver(who, [productId]);
        const written = await f.as(who).review.write(review(productId, { rating }));
        await f.as(manager).moderation.approve({ reviewId: written.id });
        ids.push(written.id);
      }
      for (const sort of ["newest", "helpful", "rating_desc", "rating_asc"] as const) {
        const seen: number[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await f.as().review.list({ productId, sort, limit: 3, ...(cursor ? { cursor } : {}) });
          seen.push(...page.items.map((r) => r.rating));
          expect(page.summary.count).toBe(ratings.length);
          cursor = page.nextCursor ?? undefined;
          pages += 1;
        } while (cursor && pages < 10);
        expect(seen, sort).toHaveLength(ratings.length);
        if (sort === "rating_desc") expect(seen).toEqual([...ratings].sort((a, b) => b - a));
        if (sort === "rating_asc") expect(seen).toEqual([...ratings].sort((a, b) => a - b));
      }
      const newest = await f.as().review.list({ productId, limit: 2 });
      expect(newest.items.map((r) => r.id)).toEqual(ids.slice(-2).reverse());

      const tooMany = await refusal(f.as().review.list({ productId, limit: 51 }), "BAD_REQUEST");
      expect(fieldOf(tooMany)).toBe("limit");
      const otherSort = await refusal(
        f.as().review.list({ productId, sort: "helpful", cursor: newest.nextCursor ?? "" }),
        "BAD_REQUEST",
      );
      expect(fieldOf(otherSort)).toBe("cursor");
      const forged = await refusal(f.as().review.list({ productId, cursor: "eyJzb3J0Ijoi" }), "BAD_REQUEST");
      expect(fieldOf(forged)).toBe("cursor");
      // @ts-expect-error -- an unknown sort order
      const badSort = await refusal(f.as().review.list({ productId, sort: "price" }), "BAD_REQUEST");
      expect(fieldOf(badSort)).toBe("sort");
    });
  });
}
