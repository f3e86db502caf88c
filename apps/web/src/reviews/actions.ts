"use server";
// What a signed-in shopper does with reviews, as the shopper (the reviews service learns who from the
// signed token, never from the form): write a review of a product delivered to them, and mark another
// shopper's review helpful once. Refusals come back as states the forms show inline. Also the next page
// of a product's reviews for "Load more" (public), typed end to end.
import type { PublicReview, ReviewSort } from "@emporium/reviews/client";
import { currentShopper } from "@/auth/session";
import { FIELD_MESSAGES, helpfulFailure, SESSION_ENDED_MESSAGE, writeFailure } from "./errors";
import { REVIEW_SENT_MESSAGE, type HelpfulState, type ReviewFormState } from "./form-state";
import { readReviewForm } from "./review-input";
import { parseReviewSort } from "./format";
import { getReviewPage, reviewsAs } from "./server";

export async function writeReview(_prev: ReviewFormState, form: FormData): Promise<ReviewFormState> {
  const shopper = await currentShopper();
  if (!shopper) return { status: "error", message: SESSION_ENDED_MESSAGE };
  const checked = readReviewForm(form);
  if (!checked.ok)
    return { status: "error", message: "Check the fields marked below.", errors: checked.errors };
  const productId = form.get("productId");
  try {
    await reviewsAs(shopper).review.write.mutate({
      productId: typeof productId === "string" ? productId : "",
      ...checked.input,
    });
  } catch (error) {
    const { message, field } = writeFailure(error);
    return { status: "error", message, ...(field ? { errors: { [field]: FIELD_MESSAGES[field] } } : {}) };
  }
  return { status: "sent", message: REVIEW_SENT_MESSAGE };
}

export async function markHelpful(prev: HelpfulState, form: FormData): Promise<HelpfulState> {
  const shopper = await currentShopper();
  if (!shopper) return { ...prev, status: "error", message: SESSION_ENDED_MESSAGE };
  const reviewId = form.get("reviewId");
  try {
    const answer = await reviewsAs(shopper).review.markHelpful.mutate({
      reviewId: typeof reviewId === "string" ? reviewId : "",
    });
    return { status: "done", count: answer.helpfulCount, message: "Thanks for your feedback." };
  } catch (error) {
    return { ...prev, status: "error", message: helpfulFailure(error) };
  }
}

export type MoreReviews =
  { ok: true; items: PublicReview[]; nextCursor: string | null } | { ok: false; message: string };

/** The page of a product's approved reviews after `cursor`, in the order the shopper chose. */
export async function loadMoreReviews(
  productId: string,
  sort: ReviewSort,
  cursor: string,
): Promise<MoreReviews> {
  // Arguments of a server action come from the browser: checked like any other input.
  const result = await getReviewPage(String(productId), parseReviewSort(sort), String(cursor), {
    restartOnBadCursor: false,
  });
  if (!result.ok) return { ok: false, message: "We could not load more reviews just now. Please try again." };
  return { ok: true, items: result.page.items, nextCursor: result.page.nextCursor };
}
