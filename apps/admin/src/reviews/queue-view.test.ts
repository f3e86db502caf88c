import { describe, expect, it } from "vitest";
import { REASON_MAX, REPLY_MAX } from "@emporium/reviews/client";
import {
  queuePageOf,
  quotedTitle,
  ratingLabel,
  reasonProblem,
  replyProblem,
  reviewsHref,
} from "./queue-view";

describe("the queue's page links", () => {
  it("read a page number from the address, and fall back to the first page", () => {
    expect(queuePageOf("3")).toBe(3);
    expect(queuePageOf(undefined)).toBe(1);
    for (const bad of ["0", "-2", "2.5", "abc", "", "99999999", "1e3"]) expect(queuePageOf(bad), bad).toBe(1);
    expect(queuePageOf(["2", "3"])).toBe(1);
  });

  it("leave the first page's address bare", () => {
    expect(reviewsHref(1)).toBe("/reviews");
    expect(reviewsHref(4)).toBe("/reviews?page=4");
  });
});

describe("ratingLabel", () => {
  it("shows stars and says the rating in words", () => {
    expect(ratingLabel(4)).toEqual({ stars: "★★★★☆", words: "4 out of 5 stars" });
    expect(ratingLabel(1)).toEqual({ stars: "★☆☆☆☆", words: "1 out of 5 stars" });
  });
});

describe("quotedTitle", () => {
  it("quotes a title on one line, shortened past 60 characters", () => {
    expect(quotedTitle("  Great\nkettle ")).toBe("“Great kettle”");
    const quoted = quotedTitle("x".repeat(100));
    expect(quoted).toHaveLength(62);
    expect(quoted.endsWith("…”")).toBe(true);
  });
});

describe("the reject and reply forms", () => {
  it("need a reason that is not blank and not too long", () => {
    expect(reasonProblem("")).toMatch(/^Reason: write why/);
    expect(reasonProblem("   \n ")).toMatch(/^Reason: write why/);
    expect(reasonProblem("Mentions another shop")).toBeNull();
    expect(reasonProblem("x".repeat(REASON_MAX))).toBeNull();
    expect(reasonProblem("x".repeat(REASON_MAX + 1))).toBe("Reason: must be at most 500 characters");
  });

  it("need a reply that is not blank and not too long", () => {
    expect(replyProblem(" ")).toMatch(/^Reply: write the answer/);
    expect(replyProblem("Thank you!")).toBeNull();
    expect(replyProblem("x".repeat(REPLY_MAX + 1))).toBe("Reply: must be at most 2,000 characters");
  });
});
