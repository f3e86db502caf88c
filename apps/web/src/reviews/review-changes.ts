// Editing a review: what the edit form starts from, and which fields the shopper really changed. The
// reviews service takes only the fields to change (and refuses an edit that changes none), so only
// those are sent. The name needs care: the form's empty name means "sign it Verified buyer", which is
// what the service stores when no name was given.
import { DEFAULT_AUTHOR_NAME, type MyReview } from "@emporium/reviews/client";
import type { ReviewDraft, ReviewInput } from "./review-input";

/** The fields of a saved review the edit form shows and may change. */
export type EditableReview = Pick<MyReview, "rating" | "title" | "body" | "authorName">;

/** What review.edit takes besides the review's id: only what changed. */
export type ReviewChanges = Partial<Required<ReviewInput>>;

/** The saved review as the edit form starts out: the default signature shown as an empty name. */
export function draftOfReview(review: EditableReview): ReviewDraft {
  return {
    rating: review.rating,
    title: review.title,
    body: review.body,
    authorName: review.authorName === DEFAULT_AUTHOR_NAME ? "" : review.authorName,
  };
}

/** The fields `input` changes in `saved`, or null when it changes nothing. */
export function changedFields(saved: EditableReview, input: ReviewInput): ReviewChanges | null {
  const changes: ReviewChanges = {};
  if (input.rating !== saved.rating) changes.rating = input.rating;
  if (input.title !== saved.title) changes.title = input.title;
  if (input.body !== saved.body) changes.body = input.body;
  const authorName = input.authorName ?? DEFAULT_AUTHOR_NAME;
  if (authorName !== saved.authorName) changes.authorName = authorName;
  return Object.keys(changes).length > 0 ? changes : null;
}
