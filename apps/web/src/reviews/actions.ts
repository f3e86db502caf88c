"use server";
// What a signed-in shopper does with reviews, as the shopper (the reviews service learns who from the
// signed token, never from the form): write a review of a product delivered to them, edit it (only the
// fields changed are sent; it goes back to moderation), and mark another shopper's review helpful once.
// Refusals come back as states the forms show inline, with what was typed. Also the next page of a
// product's reviews for "Load more" (public), typed end to end.
import type { PublicReview, ReviewSort } from "@emporium/reviews/client";
import { refresh } from "next/cache";
import { currentShopper, type Shopper } from "@/auth/session";
import {
  CHECK_FIELDS_MESSAGE,
  editFailure,
  FIELD_MESSAGES,
  helpfulFailure,
  NOTHING_CHANGED_MESSAGE,
  REVIEW_GONE_MESSAGE,
  SESSION_ENDED_MESSAGE,
  UNAVAILABLE_MESSAGE,
  writeFailure,
  type ReviewFailure,
} from "./errors";
import {
  REVIEW_SENT_MESSAGE,
  reviewEditedMessage,
  type HelpfulState,
  type ReviewFormState,
} from "./form-state";
import { changedFields } from "./review-changes";
import { readReviewForm, reviewDraftOf, type ReviewDraft, type ReviewInput } from "./review-input";
import { parseReviewSort } from "./format";
import { findOwnReview, getReviewPage, reviewsAs } from "./server";

const productIdOf = (form: FormData): string => {
  const value = form.get("productId");
  return typeof value === "string" ? value : "";
};

/** A refusal the form shows, with what was typed, the field concerned marked. */
function refused(draft: ReviewDraft, { message, field }: ReviewFailure): ReviewFormState {
  return {
    status: "error",
    message,
    draft,
    ...(field ? { errors: { [field]: FIELD_MESSAGES[field] } } : {}),
  };
}

type Checked =
  | { ok: true; shopper: Shopper; input: ReviewInput; draft: ReviewDraft }
  | { ok: false; state: ReviewFormState };

/** The signed-in shopper and the review the form holds, checked; or the refusal the form shows. */
async function checkedForm(form: FormData): Promise<Checked> {
  const draft = reviewDraftOf(form);
  const shopper = await currentShopper();
  if (!shopper) return { ok: false, state: { status: "error", message: SESSION_ENDED_MESSAGE, draft } };
  const checked = readReviewForm(form);
  if (!checked.ok)
    return {
      ok: false,
      state: { status: "error", message: CHECK_FIELDS_MESSAGE, errors: checked.errors, draft },
    };
  return { ok: true, shopper, input: checked.input, draft };
}

export async function writeReview(_prev: ReviewFormState, form: FormData): Promise<ReviewFormState> {
  const checked = await checkedForm(form);
  if (!checked.ok) return checked.state;
  const { shopper, input, draft } = checked;
  try {
    await reviewsAs(shopper).review.write.mutate({ productId: productIdOf(form), ...input });
  } catch (error) {
    return refused(draft, writeFailure(error));
  }
  return { status: "sent", message: REVIEW_SENT_MESSAGE };
}

/**
 * Saves the shopper's changes to their review of the form's product. What changed is judged against the
 * review as the service has it now (not as the page showed it), and only that is sent.
 */
export async function editReview(_prev: ReviewFormState, form: FormData): Promise<ReviewFormState> {
  const checked = await checkedForm(form);
  if (!checked.ok) return checked.state;
  const { shopper, input, draft } = checked;
  const own = await findOwnReview(shopper, productIdOf(form));
  if (!own.ok) return { status: "error", message: UNAVAILABLE_MESSAGE, draft };
  if (!own.review) return { status: "error", message: REVIEW_GONE_MESSAGE, draft };
  const changes = changedFields(own.review, input);
  if (!changes) return { status: "error", message: NOTHING_CHANGED_MESSAGE, draft };
  try {
    await reviewsAs(shopper).review.edit.mutate({ reviewId: own.review.id, ...changes });
  } catch (error) {
    return refused(draft, editFailure(error));
  }
  // The page around the form shows the review and its state: draw it again with the saved edit.
  refresh();
  return { status: "sent", message: reviewEditedMessage(own.review.status === "approved") };
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
