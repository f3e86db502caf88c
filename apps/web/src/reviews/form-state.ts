// The states the review forms move through, shared by the server actions and the client forms (a
// "use server" module may export only its actions).
import type { ReviewField } from "./errors";

export interface ReviewFormState {
  status: "idle" | "sent" | "error";
  message: string | null;
  errors?: Partial<Record<ReviewField, string>>;
}

export const REVIEW_SENT_MESSAGE = "Thanks — your review will appear once approved.";

export interface HelpfulState {
  status: "idle" | "done" | "error";
  /** The review's helpful count as last known. */
  count: number;
  message: string | null;
}
