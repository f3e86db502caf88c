// The states the review forms move through, shared by the server actions and the client forms (a
// "use server" module may export only its actions).
import type { ReviewField } from "./errors";
import type { ReviewDraft } from "./review-input";

export interface ReviewFormState {
  status: "idle" | "sent" | "error";
  message: string | null;
  errors?: Partial<Record<ReviewField, string>>;
  /**
   * What was sent, on a refusal: the form shows it again. With JavaScript the fields keep what was typed
   * anyway; without it the page is drawn anew, and this is what fills them.
   */
  draft?: ReviewDraft;
}

export const REVIEW_SENT_MESSAGE = "Thanks — your review will appear once approved.";
/** Said once an edit is saved: edited reviews go back to moderation, so a published one is taken down. */
export function reviewEditedMessage(wasPublished: boolean): string {
  return wasPublished
    ? "Your changes are saved. Your review is off the product page until our team has checked them, usually within a day or two; then it will be shown again."
    : "Your changes are saved. Your review will be shown on the product page once our team has checked it, usually within a day or two.";
}

export interface HelpfulState {
  status: "idle" | "done" | "error";
  /** The review's helpful count as last known. */
  count: number;
  message: string | null;
}
