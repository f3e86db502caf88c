"use client";
// The review form, for writing a review and for editing one's own: a rating as five radio buttons drawn
// as stars (each named "1 star" … "5 stars", so a keyboard or screen-reader user picks one like any
// radio group), a title, the review and the name to show. Refusals are said in words on the form and on
// the field concerned, and what was typed stays; once a new review is sent, the form gives way to a
// thank-you, and once an edit is saved, the form says so and stays, holding the saved review. Works
// without JavaScript through the server actions.
import Link from "next/link";
import { useActionState, useId, useState } from "react";
import { Alert } from "@emporium/ui/alert";
import { Button } from "@emporium/ui/button";
import { cn } from "@emporium/ui/cn";
import { Field } from "@emporium/ui/field";
import { keepValuesOnRefusal } from "@emporium/ui/form-action";
import { TextField, inputStyles } from "@emporium/ui/text-field";
import { MAX_PHOTO_BYTES, MAX_PHOTOS, PHOTO_ALT_MAX } from "@emporium/reviews/browser";
import type { ReviewPhoto } from "@emporium/reviews/client";
import { editReview, writeReview } from "./actions";
import { photoAlt, ReviewPhotoList } from "./review-photos";
import { RATING_WORDS, starsLabel } from "./format";
import type { ReviewFormState } from "./form-state";
import type { ReviewDraft } from "./review-input";
import { StarShape } from "./stars";

export interface ReviewFormProps {
  /** A new review, or changes to the shopper's own. */
  mode: "write" | "edit";
  productId: string;
  productTitle: string;
  productPath: string;
  /**
   * What the fields hold at first: for a new review nothing but a suggested name ("Ada L."), for an
   * edit the saved review.
   */
  initial: ReviewDraft;
  /** A note above the button, e.g. what saving an edit does to a published review. */
  note?: string;
  limits: { title: number; body: number; authorName: number };
  /** The review's saved photos (editing): each may be described anew or removed. */
  photos?: readonly ReviewPhoto[];
  /** The name the review is signed with, for the photos' default descriptions. */
  author?: string;
}

const ACCEPT = "image/jpeg,image/png,image/webp,image/avif";

/** Up to MAX_PHOTOS photos: the saved ones (keep, describe, remove), then a file input for each free place. */
function PhotoFields({ saved, author }: { saved: readonly ReviewPhoto[]; author: string }) {
  const free = Math.max(0, MAX_PHOTOS - saved.length);
  return (
    <fieldset className="flex flex-col gap-4">
      <legend className="text-sm font-medium text-ink">Photos (optional)</legend>
      <p className="text-sm text-ink-muted">
        Up to {MAX_PHOTOS} photos: JPEG, PNG, WebP or AVIF, at most {MAX_PHOTO_BYTES / (1024 * 1024)} MB each
        and at least 200 pixels on each side. Describe each for shoppers who cannot see it.
      </p>
      {saved.map((photo, i) => (
        <div key={photo.key} className="flex flex-wrap items-end gap-3" data-testid="saved-photo">
          <ReviewPhotoList photos={[photo]} author={author} />
          <TextField
            label={`Describe saved photo ${i + 1}`}
            name={`existing-${i}-alt`}
            optional
            maxLength={PHOTO_ALT_MAX}
            defaultValue={photo.alt}
            placeholder={photoAlt(photo, i, author)}
          />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={`existing-${i}-remove`} />
            Remove saved photo {i + 1}
          </label>
        </div>
      ))}
      {Array.from({ length: free }, (_, i) => {
        const n = i + 1;
        return (
          <div key={n} className="flex flex-col gap-2 sm:flex-row sm:items-end">
            <Field label={`Photo ${saved.length + n} (optional)`}>
              {(control) => (
                <input {...control} type="file" name={`photo-${n}`} accept={ACCEPT} className="text-sm" />
              )}
            </Field>
            <TextField
              label={`What photo ${saved.length + n} shows`}
              name={`photo-${n}-alt`}
              optional
              maxLength={PHOTO_ALT_MAX}
            />
          </div>
        );
      })}
    </fieldset>
  );
}

const INITIAL: ReviewFormState = { status: "idle", message: null };
const STARS = [1, 2, 3, 4, 5] as const;

const MODES = {
  write: { action: writeReview, name: "Write a review", submit: "Submit review", pending: "Sending…" },
  edit: { action: editReview, name: "Edit your review", submit: "Save changes", pending: "Saving…" },
} as const;

function RatingInput({ initial, error }: { initial: number | null; error: string | null }) {
  const [value, setValue] = useState<number>(initial ?? 0);
  const [hover, setHover] = useState<number>(0);
  const errorId = useId();
  const shown = hover || value;
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend className="text-sm font-medium text-ink">Your rating</legend>
      <div className="mt-1.5 flex items-center gap-3">
        <div className="flex" onMouseLeave={() => setHover(0)}>
          {STARS.map((n) => (
            <label key={n} className="cursor-pointer p-0.5" onMouseEnter={() => setHover(n)}>
              <input
                type="radio"
                name="rating"
                value={n}
                defaultChecked={n === initial}
                required
                className="peer sr-only"
                onChange={() => setValue(n)}
              />
              <StarShape
                className={cn(
                  "size-8 rounded-sm peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-700",
                  n <= shown ? "text-amber-600" : "text-line-strong",
                )}
              />
              <span className="sr-only">{starsLabel(n)}</span>
            </label>
          ))}
        </div>
        <span aria-hidden="true" className="text-sm text-ink-muted">
          {shown === 1 || shown === 2 || shown === 3 || shown === 4 || shown === 5
            ? `${starsLabel(shown)} — ${RATING_WORDS[shown]}`
            : "Choose 1 to 5 stars"}
        </span>
      </div>
      {error && (
        <p id={errorId} className="mt-1.5 text-sm font-medium text-sale">
          {error}
        </p>
      )}
    </fieldset>
  );
}

export function ReviewForm({
  mode,
  productId,
  productTitle,
  productPath,
  initial,
  note,
  limits,
  photos = [],
  author = "",
}: ReviewFormProps) {
  const words = MODES[mode];
  const [state, action, pending] = useActionState(words.action, INITIAL);
  const error = (field: keyof NonNullable<ReviewFormState["errors"]>) => state.errors?.[field] ?? null;
  // After a refusal, what was sent (the page drawn anew without JavaScript shows it again).
  const draft = state.draft ?? initial;

  if (mode === "write" && state.status === "sent")
    return (
      <div className="flex flex-col items-start gap-4">
        <Alert tone="success" live="polite" title={state.message}>
          Our team reads every review before it is shown; this usually takes a day or two.
        </Alert>
        <Link href={productPath} className="font-medium text-brand-700 underline">
          Back to {productTitle}
        </Link>
      </div>
    );

  return (
    <form
      action={action}
      onSubmit={keepValuesOnRefusal(action)}
      aria-label={words.name}
      className="flex flex-col gap-5"
      noValidate
    >
      <input type="hidden" name="productId" value={productId} />
      {state.status === "error" && (
        <Alert tone="error" live="assertive">
          {state.message}
        </Alert>
      )}
      {/* Always there, so that the saved edit's news is read out when it appears. */}
      <div role="status" className="empty:hidden">
        {state.status === "sent" && <Alert tone="success">{state.message}</Alert>}
      </div>
      <RatingInput initial={draft.rating} error={error("rating")} />
      <TextField
        label="Title"
        name="title"
        required
        maxLength={limits.title}
        defaultValue={draft.title}
        hint="Sum up your review in a line."
        error={error("title")}
      />
      <Field
        label="Your review"
        hint={`What did you like or dislike? Up to ${limits.body.toLocaleString("en-US")} characters.`}
        error={error("body")}
      >
        {(control) => (
          <textarea
            {...control}
            name="body"
            required
            rows={6}
            maxLength={limits.body}
            defaultValue={draft.body}
            className={cn(inputStyles(Boolean(error("body"))), "h-auto py-2")}
          />
        )}
      </Field>
      <TextField
        label="Name shown with your review"
        name="authorName"
        optional
        maxLength={limits.authorName}
        defaultValue={draft.authorName}
        autoComplete="off"
        hint="Left empty, your review is signed “Verified buyer”."
        error={error("authorName")}
      />
      <PhotoFields saved={photos} author={author || draft.authorName || "the author"} />
      {note && <p className="text-sm text-ink-muted">{note}</p>}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? words.pending : words.submit}
        </Button>
      </div>
    </form>
  );
}
