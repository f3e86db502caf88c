// A helpful vote is recorded first and counted into its review right after. A process that died in
// between leaves the vote recorded but not counted (and a second click is refused as a repeat), so a
// sweep recounts the reviews of votes left uncounted for a while.
import type { Logger } from "@emporium/observability";
import type { ReviewStore } from "../ports/review-store";

export const UNCOUNTED_AFTER_MS = 60_000;

export async function recountForgottenVotes(reviews: ReviewStore, now: Date, log: Logger): Promise<number> {
  const ids = await reviews.reviewsWithUncountedVotes(new Date(now.getTime() - UNCOUNTED_AFTER_MS), 100);
  for (const id of ids) await reviews.recountVotes(id);
  if (ids.length > 0) log.info({ reviews: ids.length }, "recounted helpful votes left uncounted");
  return ids.length;
}
