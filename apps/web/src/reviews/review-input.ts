// The review form's fields, checked before they go to the reviews service so that a missing rating or an
// overlong title is marked on its field at once. The limits are the service's own (its client exports
// them); the service checks everything again.
import { AUTHOR_NAME_MAX, BODY_MAX, TITLE_MAX } from "@emporium/reviews/client";
import { FIELD_MESSAGES, type ReviewField } from "./errors";

export interface ReviewInput {
  rating: 1 | 2 | 3 | 4 | 5;
  title: string;
  body: string;
  /** Absent: the service signs the review "Verified buyer". */
  authorName?: string;
}

/** What the form's fields hold, as typed: what it starts from, and what it shows again after a refusal. */
export interface ReviewDraft {
  rating: ReviewInput["rating"] | null;
  title: string;
  body: string;
  authorName: string;
}

export type ReviewInputResult =
  { ok: true; input: ReviewInput } | { ok: false; errors: Partial<Record<ReviewField, string>> };

const text = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

function ratingOf(value: string): ReviewInput["rating"] | null {
  const n = Number(value);
  return n === 1 || n === 2 || n === 3 || n === 4 || n === 5 ? n : null;
}

/** Text kept as typed (markup included: it is shown escaped), but a blank one counts as missing. */
function filled(value: string, max: number): string | null {
  return value.trim().length > 0 && value.length <= max ? value : null;
}

export function reviewDraftOf(form: FormData): ReviewDraft {
  return {
    rating: ratingOf(text(form, "rating")),
    title: text(form, "title"),
    body: text(form, "body"),
    authorName: text(form, "authorName"),
  };
}

export function readReviewForm(form: FormData): ReviewInputResult {
  const errors: Partial<Record<ReviewField, string>> = {};
  const rating = ratingOf(text(form, "rating"));
  const title = filled(text(form, "title"), TITLE_MAX);
  const body = filled(text(form, "body"), BODY_MAX);
  const name = text(form, "authorName");
  if (rating === null) errors.rating = FIELD_MESSAGES.rating;
  if (title === null) errors.title = FIELD_MESSAGES.title;
  if (body === null) errors.body = FIELD_MESSAGES.body;
  if (name.length > AUTHOR_NAME_MAX) errors.authorName = FIELD_MESSAGES.authorName;
  if (rating === null || title === null || body === null || errors.authorName) return { ok: false, errors };
  return {
    ok: true,
    input: { rating, title, body, ...(name.trim() ? { authorName: name.trim() } : {}) },
  };
}
