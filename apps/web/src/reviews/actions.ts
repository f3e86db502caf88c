"use server";
// What a signed-in shopper does with reviews, as the shopper (the reviews service learns who from the
// signed token, never from the form): write a review of a product delivered to them, edit it (only the
// fields changed are sent; it goes back to moderation), and mark another shopper's review helpful once.
// Refusals come back as states the forms show inline, with what was typed. Also the next page of a
// product's reviews for "Load more" (public), typed end to end.
import type { MyReview, PublicReview, ReviewSort } from "@emporium/reviews/client";
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
import type { ReviewViewer } from "./viewer";
import { findOwnReview, getReviewPage, reviewsAs, reviewViewerOf } from "./server";
import { chosenPhotos, photoProblem, uploadPhotos, type ChosenPhoto } from "./photos";

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

const PHOTOS_AGAIN = " Choose your photos again before sending.";

/** The new photos the form carries, or the refusal naming the first that cannot be sent. */
function newPhotos(
  form: FormData,
  draft: ReviewDraft,
): { ok: true; photos: ChosenPhoto[] } | { ok: false; state: ReviewFormState } {
  const photos = chosenPhotos(form);
  const problem = photos.map(photoProblem).find((p) => p !== null);
  if (problem) return { ok: false, state: { status: "error", message: problem + PHOTOS_AGAIN, draft } };
  return { ok: true, photos };
}

/** The review's saved photos the shopper kept (with her new descriptions), then the new ones' keys. */
function keptPhotos(review: MyReview, form: FormData): { key: string; alt: string }[] {
  return review.photos.flatMap((photo, i) => {
    if (form.get(`existing-${i}-remove`) === "on") return [];
    const alt = form.get(`existing-${i}-alt`);
    return [{ key: photo.key, alt: typeof alt === "string" ? alt.trim() : photo.alt }];
  });
}

export async function writeReview(_prev: ReviewFormState, form: FormData): Promise<ReviewFormState> {
  const checked = await checkedForm(form);
  if (!checked.ok) return checked.state;
  const { shopper, input, draft } = checked;
  const chosen = newPhotos(form, draft);
  if (!chosen.ok) return chosen.state;
  try {
    const keys = await uploadPhotos(shopper, chosen.photos);
    const photos = keys.map((key, i) => ({ key, alt: chosen.photos[i]?.alt ?? "" }));
    await reviewsAs(shopper).review.write.mutate({
      productId: productIdOf(form),
      ...input,
      ...(photos.length > 0 ? { photos } : {}),
    });
  } catch (error) {
    const failure = writeFailure(error);
    return refused(
      draft,
      chosen.photos.length > 0 ? { ...failure, message: failure.message + PHOTOS_AGAIN } : failure,
    );
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
  const chosen = newPhotos(form, draft);
  if (!chosen.ok) return chosen.state;
  const kept = keptPhotos(own.review, form);
  const photosChanged =
    chosen.photos.length > 0 ||
    kept.length !== own.review.photos.length ||
    kept.some((p, i) => p.alt !== own.review?.photos[i]?.alt);
  const changes = changedFields(own.review, input);
  if (!changes && !photosChanged) return { status: "error", message: NOTHING_CHANGED_MESSAGE, draft };
  try {
    const keys = await uploadPhotos(shopper, chosen.photos);
    const added = keys.map((key, i) => ({ key, alt: chosen.photos[i]?.alt ?? "" }));
    await reviewsAs(shopper).review.edit.mutate({
      reviewId: own.review.id,
      ...changes,
      ...(photosChanged ? { photos: [...kept, ...added] } : {}),
    });
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

/** Who is looking at a product's reviews, for a product page a shared cache keeps (./viewer.tsx). */
export async function readReviewViewer(productId: string): Promise<ReviewViewer> {
  return reviewViewerOf(String(productId));
}
