import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { isReviewsUnavailable, moderationRefusal, REVIEWS_UNAVAILABLE } from "./moderation-refusal";

/** A refusal as the tRPC client hands it over, with the data the service kit sends. */
function refused(code: string, httpStatus: number, message: string, field?: string) {
  return TRPCClientError.from({
    error: { message, code: -32600, data: { code, httpStatus, ...(field ? { field } : {}) } },
  });
}

describe("moderationRefusal", () => {
  it("says a review moderated meanwhile was probably handled by someone else, and asks for a fresh queue", () => {
    const refusal = moderationRefusal(refused("CONFLICT", 409, "This review is already approved"));
    expect(refusal.message).toBe(
      "This review is already approved: someone may have moderated it a moment ago. The queue now shows where it stands.",
    );
    expect(refusal.stale).toBe(true);
    const raced = moderationRefusal(
      refused("CONFLICT", 409, "This review was changed by someone else meanwhile; reload it and try again"),
    );
    expect(raced).toEqual({
      message:
        "Someone else changed this review a moment ago. The queue now shows it as it stands; check it and try again.",
      stale: true,
    });
  });

  it("says who may moderate when the role may not", () => {
    const refusal = moderationRefusal(refused("FORBIDDEN", 403, "Forbidden: reviews.moderate"));
    expect(refusal.message).toMatch(/managers and owners approve, reject and reply/);
    expect(refusal.message).not.toMatch(/reviews\.moderate|403/);
    expect(refusal.stale).toBeUndefined();
  });

  it("names the form's field for bad input, in the form's words", () => {
    expect(moderationRefusal(refused("BAD_REQUEST", 400, "reason: must not be blank", "reason"))).toEqual({
      message: "Reason: must not be blank",
      field: "reason",
    });
    expect(
      moderationRefusal(refused("BAD_REQUEST", 400, "body: must be at most 2,000 characters", "body")),
    ).toEqual({ message: "Reply: must be at most 2,000 characters", field: "body" });
    expect(
      moderationRefusal(refused("BAD_REQUEST", 400, "reviewId: must be a review id", "reviewId")),
    ).toEqual({ message: "reviewId: must be a review id" });
  });

  it("says the reviews are unavailable when the service is down or cannot reach its store", () => {
    expect(moderationRefusal(new TRPCClientError("fetch failed")).message).toBe(REVIEWS_UNAVAILABLE);
    expect(
      moderationRefusal(
        refused(
          "SERVICE_UNAVAILABLE",
          503,
          "Reviews are unavailable right now; please try again in a few minutes",
        ),
      ).message,
    ).toBe(REVIEWS_UNAVAILABLE);
  });

  it("passes on the wait of a rate limit, and a gone review", () => {
    expect(
      moderationRefusal(refused("TOO_MANY_REQUESTS", 429, "Too many changes; try again in 1 minute")).message,
    ).toBe("Too many changes; try again in 1 minute");
    expect(moderationRefusal(refused("NOT_FOUND", 404, "No review with this id", "reviewId"))).toMatchObject({
      message: "This review no longer exists. The queue has been refreshed.",
      stale: true,
    });
  });

  it("never shows a server's fault as it came, and rethrows what is not an answer", () => {
    expect(
      moderationRefusal(refused("INTERNAL_SERVER_ERROR", 500, "Cannot read properties of undefined")).message,
    ).toBe("The reviews service could not do this just now; please try again.");
    const bug = new Error("boom");
    expect(() => moderationRefusal(bug)).toThrow(bug);
  });
});

describe("isReviewsUnavailable", () => {
  it("is true when the service is down, cannot reach its store, or a proxy says so", () => {
    expect(isReviewsUnavailable(new TRPCClientError("fetch failed"))).toBe(true);
    expect(isReviewsUnavailable(refused("SERVICE_UNAVAILABLE", 503, "Reviews are unavailable"))).toBe(true);
    expect(isReviewsUnavailable(refused("BAD_GATEWAY", 502, "Bad gateway"))).toBe(true);
  });

  it("is false for a refusal or a fault, which the page must not hide", () => {
    expect(isReviewsUnavailable(refused("FORBIDDEN", 403, "Forbidden"))).toBe(false);
    expect(isReviewsUnavailable(refused("INTERNAL_SERVER_ERROR", 500, "boom"))).toBe(false);
    expect(isReviewsUnavailable(new Error("boom"))).toBe(false);
  });
});
