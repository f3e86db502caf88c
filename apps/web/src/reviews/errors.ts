// What a refused reviews-service call means, in words a shopper understands. The service answers with
// tRPC errors whose data carries the code (PRECONDITION_FAILED for a product not received, CONFLICT for
// a second review or vote, NOT_FOUND for a review that is not the caller's, BAD_REQUEST with the field)
// and the HTTP status; its own messages are for developers and may quote validation rules, so the
// shopper's wording is chosen here by code and field.
import { TRPCClientError } from "@trpc/client";
import { AUTHOR_NAME_MAX, BODY_MAX, TITLE_MAX } from "@emporium/reviews/client";

export type ReviewField = "rating" | "title" | "body" | "authorName";

export interface ReviewFailure {
  /** What happened, for the form's alert. */
  message: string;
  /** The field to mark, when the service named one the form has. */
  field: ReviewField | null;
}

export const UNAVAILABLE_MESSAGE = "Reviews are unavailable right now. Please try again in a few minutes.";
export const UNEXPECTED_MESSAGE = "Something went wrong on our side. Please try again.";
export const NOT_RECEIVED_MESSAGE =
  "You can review this product once it has been delivered to you. It has not been delivered to you yet — if it is on its way, come back after it arrives.";
export const ALREADY_REVIEWED_MESSAGE =
  "You have already reviewed this product. Each shopper can write one review per product.";
export const SESSION_ENDED_MESSAGE = "Your session has ended. Sign in again to continue.";
export const TOO_MANY_MESSAGE = "Too many attempts just now. Please wait a few minutes and try again.";
export const CHECK_FIELDS_MESSAGE = "Check the fields marked below.";
export const NOTHING_CHANGED_MESSAGE =
  "You have not changed anything yet. Change the rating, title, review or name, then save your changes.";
export const REVIEW_GONE_MESSAGE =
  "We could not find your review of this product any more. Reload the page to see your review as it is now.";
export const EDITED_MEANWHILE_MESSAGE =
  "Your review was being changed at the same moment (our team may have just checked it). Please save your changes again.";

/** What each field needs, said the way the form labels it. */
export const FIELD_MESSAGES: Record<ReviewField, string> = {
  rating: "Choose a rating from 1 to 5 stars.",
  title: `Give your review a title of up to ${TITLE_MAX.toLocaleString("en-US")} characters.`,
  body: `Write your review in up to ${BODY_MAX.toLocaleString("en-US")} characters.`,
  authorName: `Enter the name to show with your review, up to ${AUTHOR_NAME_MAX.toLocaleString("en-US")} characters.`,
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

interface ServiceAnswer {
  code: string | null;
  status: number | null;
  field: string | null;
}

/** The code, HTTP status and field of a failed call; all null when no tRPC answer came back at all. */
function answerOf(error: unknown): ServiceAnswer | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data: unknown = error.data;
  if (!isRecord(data)) return { code: null, status: null, field: null };
  return {
    code: typeof data.code === "string" ? data.code : null,
    status: typeof data.httpStatus === "number" ? data.httpStatus : null,
    field: typeof data.field === "string" ? data.field : null,
  };
}

const asField = (field: string | null): ReviewField | null =>
  field === "rating" || field === "title" || field === "body" || field === "authorName" ? field : null;

/** Shared by every shopper action: the service down, a session gone, too many tries, anything else. */
function commonFailure(answer: ServiceAnswer | null): string {
  // Not a failed call at all: a fault in this server's own code.
  if (!answer) return UNEXPECTED_MESSAGE;
  // No status means no tRPC answer: connection refused, a timeout, or a proxy's error page.
  if (answer.status === null || answer.code === "SERVICE_UNAVAILABLE") return UNAVAILABLE_MESSAGE;
  if (answer.status === 502 || answer.status === 503 || answer.status === 504) return UNAVAILABLE_MESSAGE;
  if (answer.code === "UNAUTHORIZED") return SESSION_ENDED_MESSAGE;
  if (answer.code === "TOO_MANY_REQUESTS") return TOO_MANY_MESSAGE;
  return UNEXPECTED_MESSAGE;
}

/** A 400: the field the form should mark, or `otherwise` when the service named none of the form's. */
function badInput(answer: ServiceAnswer, otherwise: string): ReviewFailure {
  const field = asField(answer.field);
  return field ? { message: CHECK_FIELDS_MESSAGE, field } : { message: otherwise, field: null };
}

/**
 * A refusal about the photos (the service names photos.<n> or photos.<n>.key): its own words say which
 * photo and why ("photo 2: the file is not an image…"); a limit on uploads says how long to wait.
 */
export function photoFailure(error: unknown): string | null {
  const answer = answerOf(error);
  if (!(error instanceof TRPCClientError) || !answer) return null;
  if (answer.code === "TOO_MANY_REQUESTS" && /photo/i.test(error.message)) return `${error.message}.`;
  if (answer.code !== "BAD_REQUEST" || !answer.field?.startsWith("photos")) return null;
  const detail = error.message.replace(/^photos(\.\d+)?(\.key)?: /, "");
  return `We could not add your photos: ${detail}.`;
}

/** Why review.write refused, for the review form. */
export function writeFailure(error: unknown): ReviewFailure {
  const photos = photoFailure(error);
  if (photos) return { message: photos, field: null };
  const answer = answerOf(error);
  if (error instanceof TRPCClientError && answer) {
    if (answer.code === "PRECONDITION_FAILED") return { message: NOT_RECEIVED_MESSAGE, field: null };
    if (answer.code === "CONFLICT") return { message: ALREADY_REVIEWED_MESSAGE, field: null };
    if (answer.code === "BAD_REQUEST")
      return badInput(answer, "We could not send this review. Check it and try again.");
  }
  return { message: commonFailure(answer), field: null };
}

/** Why review.edit refused, for the edit form. */
export function editFailure(error: unknown): ReviewFailure {
  const photos = photoFailure(error);
  if (photos) return { message: photos, field: null };
  const answer = answerOf(error);
  if (error instanceof TRPCClientError && answer) {
    // Another shopper's review answers like a missing one: either way there is no review of theirs to edit.
    if (answer.code === "NOT_FOUND") return { message: REVIEW_GONE_MESSAGE, field: null };
    // Saved by someone else between reading and writing (a moderator's decision): nothing was changed.
    if (answer.code === "CONFLICT") return { message: EDITED_MEANWHILE_MESSAGE, field: null };
    // The one 400 that names no field is an edit that changes nothing.
    if (answer.code === "BAD_REQUEST")
      return badInput(
        answer,
        answer.field ? "We could not save these changes. Check them and try again." : NOTHING_CHANGED_MESSAGE,
      );
  }
  return { message: commonFailure(answer), field: null };
}

/** Why review.markHelpful refused, shown beside the review's Helpful button. */
export function helpfulFailure(error: unknown): string {
  const answer = answerOf(error);
  if (error instanceof TRPCClientError && answer) {
    if (answer.code === "CONFLICT") return "You have already marked this review as helpful.";
    if (answer.code === "PRECONDITION_FAILED") return "You cannot mark your own review as helpful.";
    if (answer.code === "NOT_FOUND") return "This review is no longer shown.";
  }
  return commonFailure(answer);
}
