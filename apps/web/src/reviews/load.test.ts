import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import type { ReviewPage } from "@emporium/reviews/client";
import { loadReviewPage, type ReviewLister } from "./load";

const PRODUCT = "6f1c5a52-6d0e-4a3c-9f59-0a8d3a3c1c11";

const page: ReviewPage = {
  items: [],
  nextCursor: null,
  summary: { productId: PRODUCT, average: null, count: 0, distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } },
};

function refusal(status: number | null): TRPCClientError<never> {
  const error = new TRPCClientError<never>("refused");
  Object.defineProperty(error, "data", { value: status === null ? undefined : { httpStatus: status } });
  return error;
}

/** A reviews service that answers `answer(cursor)` and records what it was asked. */
function service(answer: (cursor: string | undefined) => Promise<ReviewPage>) {
  const asked: (string | undefined)[] = [];
  const lister: ReviewLister = {
    review: {
      list: {
        query: (input) => {
          asked.push(input.cursor);
          return answer(input.cursor);
        },
      },
    },
  };
  return { lister, asked };
}

const request = { productId: PRODUCT, sort: "newest" as const, limit: 10 };

describe("loadReviewPage", () => {
  it("hands over the service's page", async () => {
    const { lister } = service(() => Promise.resolve(page));
    await expect(loadReviewPage(lister, { ...request, cursor: null })).resolves.toEqual({ ok: true, page });
  });

  it("answers unavailable, never throws, whatever goes wrong", async () => {
    for (const failure of [refusal(503), refusal(null), refusal(500), new TypeError("fetch failed")]) {
      const { lister } = service(() => Promise.reject(failure));
      await expect(loadReviewPage(lister, { ...request, cursor: null })).resolves.toEqual({ ok: false });
    }
  });

  it("starts from the first page when an old link's cursor is refused, unless asked not to", async () => {
    const { lister, asked } = service((cursor) =>
      cursor ? Promise.reject(refusal(400)) : Promise.resolve(page),
    );
    await expect(loadReviewPage(lister, { ...request, cursor: "stale" })).resolves.toEqual({
      ok: true,
      page,
    });
    expect(asked).toEqual(["stale", undefined]);
    await expect(
      loadReviewPage(lister, { ...request, cursor: "stale" }, { restartOnBadCursor: false }),
    ).resolves.toEqual({ ok: false });
  });
});
