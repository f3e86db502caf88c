// The moderation queue's small rules, apart from the page so they are tested without a browser: which
// page a link asks for, how a rating reads, and what the reject and reply forms accept before anything
// is sent (the reviews service checks the same again and names the field).
import { REASON_MAX, REPLY_MAX } from "@emporium/reviews/client";

const MAX_PAGE = 10_000;

/** `?page=` as a page number: a whole number from 1, anything else the first page. */
export function queuePageOf(value: string | string[] | undefined): number {
  if (typeof value !== "string" || !/^\d{1,5}$/.test(value)) return 1;
  const page = Number(value);
  return page >= 1 && page <= MAX_PAGE ? page : 1;
}

export function reviewsHref(page: number): string {
  return page > 1 ? `/reviews?page=${page}` : "/reviews";
}

/** "★★★★☆" to see, "4 out of 5 stars" to hear. */
export function ratingLabel(rating: number): { stars: string; words: string } {
  const full = Math.min(5, Math.max(0, Math.round(rating)));
  return { stars: "★".repeat(full) + "☆".repeat(5 - full), words: `${full} out of 5 stars` };
}

/** A review's title as a status message quotes it: at most 60 characters. */
export function quotedTitle(title: string): string {
  const flat = title.replace(/\s+/g, " ").trim();
  return `“${flat.length > 60 ? `${flat.slice(0, 59)}…` : flat}”`;
}

/** What is wrong with a rejection reason, or null: the author reads it, so it may not be blank. */
export function reasonProblem(reason: string): string | null {
  if (reason.trim() === "") return "Reason: write why this review is rejected — its author will read it";
  if (reason.length > REASON_MAX)
    return `Reason: must be at most ${REASON_MAX.toLocaleString("en-US")} characters`;
  return null;
}

/** What is wrong with a public reply, or null. */
export function replyProblem(body: string): string | null {
  if (body.trim() === "") return "Reply: write the answer shoppers will see under the review";
  if (body.length > REPLY_MAX)
    return `Reply: must be at most ${REPLY_MAX.toLocaleString("en-US")} characters`;
  return null;
}
