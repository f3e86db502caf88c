// How ratings and reviews read on the page: averages, counts, star fills, the 1–5 breakdown, dates,
// the review orders a shopper can pick, the name shown with a new review, and the moderation state of a
// shopper's own review. Plain functions, shared by server and client components.
import type { RatingSummary, ReviewSort, ReviewStatus } from "@emporium/reviews/client";

export const REVIEW_SORT_OPTIONS: readonly { value: ReviewSort; label: string }[] = [
  { value: "newest", label: "Newest" },
  { value: "helpful", label: "Most helpful" },
  { value: "rating_desc", label: "Highest rating" },
  { value: "rating_asc", label: "Lowest rating" },
];

/** The review order named in the URL (?review_sort=), newest when missing or unknown. */
export function parseReviewSort(value: unknown): ReviewSort {
  return REVIEW_SORT_OPTIONS.find((o) => o.value === value)?.value ?? "newest";
}

/** 4.67 → "4.7", 4 → "4.0": one decimal, as shops show an average. */
export function formatAverage(average: number): string {
  return (Math.round(average * 10) / 10).toFixed(1);
}

/** "1 review", "1,204 reviews". */
export function reviewCountLabel(count: number): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? "review" : "reviews"}`;
}

/** The text alternative of a row of stars: "Rated 4.7 out of 5". */
export function ratingLabel(average: number): string {
  return `Rated ${formatAverage(average)} out of 5`;
}

/** What each rating means, said beside the stars a shopper picks. */
export const RATING_WORDS: Record<1 | 2 | 3 | 4 | 5, string> = {
  1: "Poor",
  2: "Fair",
  3: "Good",
  4: "Very good",
  5: "Excellent",
};

/** "1 star", "4 stars". */
export function starsLabel(stars: number): string {
  return `${stars} ${stars === 1 ? "star" : "stars"}`;
}

/**
 * How full each of the five stars is drawn (1, 0.5 or 0), the rating rounded to the nearest half star:
 * 4.67 → ★★★★½, 4.2 → ★★★★☆. Out-of-range values are clamped to 0–5.
 */
export function starFills(rating: number): number[] {
  const halves = Math.round(Math.min(5, Math.max(0, rating)) * 2);
  return [1, 2, 3, 4, 5].map((star) => {
    const left = halves - (star - 1) * 2;
    return left >= 2 ? 1 : left === 1 ? 0.5 : 0;
  });
}

export interface DistributionRow {
  stars: 1 | 2 | 3 | 4 | 5;
  count: number;
  /** Whole percent of all approved reviews (0 when there are none). */
  percent: number;
}

/** The breakdown from 5 stars down to 1, each with its share of all reviews. */
export function distributionRows(summary: Pick<RatingSummary, "count" | "distribution">): DistributionRow[] {
  return ([5, 4, 3, 2, 1] as const).map((stars) => {
    const count = summary.distribution[stars];
    return {
      stars,
      count,
      percent: summary.count > 0 ? Math.round((count / summary.count) * 100) : 0,
    };
  });
}

/** "March 3, 2026" — in UTC, so the server and the browser print the same day. */
export function formatReviewDate(iso: string): string {
  return new Date(iso).toLocaleDateString("en-US", {
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  });
}

/**
 * What a new review is signed with unless the shopper changes it: the first name and the initial of
 * the last ("Ada Lovelace" → "Ada L."), so an account's full name is not published by default.
 */
export function suggestedAuthorName(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  const [first, ...rest] = words;
  if (!first) return "";
  const last = rest.at(-1);
  return last ? `${first} ${last.charAt(0).toUpperCase()}.` : first;
}

/** A shopper's own review's moderation state, in a word or two (lists, badges). */
export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  pending: "Pending moderation",
  approved: "Published",
  rejected: "Rejected",
};

/** The same state said in full to the review's author. */
export const REVIEW_STATUS_TEXT: Record<ReviewStatus, string> = {
  pending: "Your review is waiting for approval. It will appear on the product page once approved.",
  approved: "Your review is shown on the product page.",
  rejected: "Your review was not published.",
};
