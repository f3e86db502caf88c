import { describe, expect, it } from "vitest";
import {
  distributionRows,
  formatAverage,
  formatReviewDate,
  parseReviewSort,
  ratingLabel,
  reviewCountLabel,
  starFills,
  starsLabel,
  suggestedAuthorName,
} from "./format";

describe("review formatting", () => {
  it("shows an average with one decimal", () => {
    expect(formatAverage(4.67)).toBe("4.7");
    expect(formatAverage(4)).toBe("4.0");
    expect(formatAverage(3.25)).toBe("3.3");
    expect(ratingLabel(4.67)).toBe("Rated 4.7 out of 5");
  });

  it("counts reviews and stars in words", () => {
    expect(reviewCountLabel(1)).toBe("1 review");
    expect(reviewCountLabel(0)).toBe("0 reviews");
    expect(reviewCountLabel(1204)).toBe("1,204 reviews");
    expect(starsLabel(1)).toBe("1 star");
    expect(starsLabel(4)).toBe("4 stars");
  });

  it("fills stars to the nearest half", () => {
    expect(starFills(5)).toEqual([1, 1, 1, 1, 1]);
    expect(starFills(4.67)).toEqual([1, 1, 1, 1, 0.5]);
    expect(starFills(4.2)).toEqual([1, 1, 1, 1, 0]);
    expect(starFills(4.8)).toEqual([1, 1, 1, 1, 1]);
    expect(starFills(1)).toEqual([1, 0, 0, 0, 0]);
    expect(starFills(0)).toEqual([0, 0, 0, 0, 0]);
    expect(starFills(9)).toEqual([1, 1, 1, 1, 1]);
    expect(starFills(-1)).toEqual([0, 0, 0, 0, 0]);
  });

  it("breaks ratings down from five stars to one with whole percentages", () => {
    const rows = distributionRows({ count: 3, distribution: { 1: 1, 2: 0, 3: 0, 4: 0, 5: 2 } });
    expect(rows).toEqual([
      { stars: 5, count: 2, percent: 67 },
      { stars: 4, count: 0, percent: 0 },
      { stars: 3, count: 0, percent: 0 },
      { stars: 2, count: 0, percent: 0 },
      { stars: 1, count: 1, percent: 33 },
    ]);
    expect(
      distributionRows({ count: 0, distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } }).map((r) => r.percent),
    ).toEqual([0, 0, 0, 0, 0]);
  });

  it("prints the review's day in UTC, whatever the server's zone", () => {
    expect(formatReviewDate("2026-03-03T23:30:00.000Z")).toBe("March 3, 2026");
  });

  it("takes a known review order from the URL and falls back to newest", () => {
    expect(parseReviewSort("helpful")).toBe("helpful");
    expect(parseReviewSort("rating_asc")).toBe("rating_asc");
    expect(parseReviewSort("price")).toBe("newest");
    expect(parseReviewSort(["helpful"])).toBe("newest");
    expect(parseReviewSort(undefined)).toBe("newest");
  });

  it("suggests a first name and last initial rather than the account's full name", () => {
    expect(suggestedAuthorName("Ada Lovelace")).toBe("Ada L.");
    expect(suggestedAuthorName("  Grace  Brewster Hopper ")).toBe("Grace H.");
    expect(suggestedAuthorName("Cher")).toBe("Cher");
    expect(suggestedAuthorName("  ")).toBe("");
  });
});
