"use client";
// What a moderator does with one review: approve it, reject it with a reason its author reads, or reply
// publicly in the shop's name. Each form calls its server action; a refusal is said in place — under the
// field it concerns, and beside the button — and what was typed stays.
import { useActionState } from "react";
import { REASON_MAX, REPLY_MAX } from "@emporium/reviews/client";
import { Button } from "@emporium/ui/button";
import { Field } from "@emporium/ui/field";
import { keepValuesOnRefusal } from "@emporium/ui/form-action";
import { approveReview, rejectReview, replyToReview, type ModerationState } from "./actions";
import { useAnnounce, type Outcome } from "./moderation-outcomes";

const INITIAL: ModerationState = { status: "idle", message: null };

type Action = (prev: ModerationState, form: FormData) => Promise<ModerationState>;

/**
 * The action, also saying its outcome in the live region above the queue when the review is about to
 * leave the page with this form: approved, rejected, or found moderated by someone else meanwhile.
 */
function announcing(action: Action, announce: (outcome: Outcome) => void, leavesWhenSaved: boolean): Action {
  return async (prev, form) => {
    const next = await action(prev, form);
    if (next.message && next.status === "saved" && leavesWhenSaved)
      announce({ message: next.message, tone: "success" });
    if (next.message && next.status === "error" && next.refreshed)
      announce({ message: next.message, tone: "error" });
    return next;
  };
}

/**
 * A form's live region, there from the start so that a screen reader hears what arrives in it. An error
 * about a field shows under that field; here it is only said ("Not rejected. Reason: …").
 */
function FormOutcome({ state, verb }: { state: ModerationState; verb: string }) {
  const fieldError = state.status === "error" && state.field !== undefined;
  return (
    <p
      role="status"
      className={`text-sm ${state.status === "error" ? "font-medium text-sale" : "text-success"} ${fieldError ? "sr-only" : ""}`}
    >
      {state.status === "error" ? `Not ${verb}. ${state.message ?? ""}` : state.message}
    </p>
  );
}

const textareaClass = (invalid: boolean) =>
  `w-full rounded-lg border bg-surface px-3 py-2 text-base text-ink sm:text-sm ${invalid ? "border-sale" : "border-line-strong"}`;

export function ReviewActions({ reviewId, reply }: { reviewId: string; reply: string | null }) {
  const announce = useAnnounce();
  const [approved, approve, approving] = useActionState(announcing(approveReview, announce, true), INITIAL);
  const [rejected, reject, rejecting] = useActionState(announcing(rejectReview, announce, true), INITIAL);
  const [replied, saveReply, replying] = useActionState(announcing(replyToReview, announce, false), INITIAL);
  const busy = approving || rejecting;
  const reasonError = rejected.status === "error" && rejected.field === "reason" ? rejected.message : null;
  const replyError = replied.status === "error" && replied.field === "body" ? replied.message : null;
  return (
    <div className="flex flex-col gap-5">
      <form action={approve} className="flex flex-col gap-2">
        <input type="hidden" name="reviewId" value={reviewId} />
        <Button type="submit" disabled={busy}>
          {approving ? "Approving…" : "Approve"}
        </Button>
        {/* A success is said above the queue, which this review leaves. */}
        <FormOutcome state={approved.status === "error" ? approved : INITIAL} verb="approved" />
      </form>

      <form onSubmit={keepValuesOnRefusal(reject)} className="flex flex-col gap-2">
        <input type="hidden" name="reviewId" value={reviewId} />
        <Field label="Reason for rejecting" hint="Its author sees this reason." error={reasonError}>
          {(control) => (
            <textarea
              {...control}
              name="reason"
              rows={2}
              maxLength={REASON_MAX}
              aria-required="true"
              className={textareaClass(Boolean(reasonError))}
            />
          )}
        </Field>
        <Button type="submit" variant="secondary" disabled={busy}>
          {rejecting ? "Rejecting…" : "Reject"}
        </Button>
        <FormOutcome state={rejected.status === "error" ? rejected : INITIAL} verb="rejected" />
      </form>

      <form
        onSubmit={keepValuesOnRefusal(saveReply)}
        className="flex flex-col gap-2 border-t border-line pt-4"
      >
        <input type="hidden" name="reviewId" value={reviewId} />
        <Field
          label="Public reply"
          hint={
            reply
              ? "Saving replaces the reply shown now."
              : "Shoppers see it under the review, in the shop's name."
          }
          error={replyError}
        >
          {(control) => (
            <textarea
              {...control}
              name="body"
              rows={3}
              maxLength={REPLY_MAX}
              defaultValue={reply ?? ""}
              className={textareaClass(Boolean(replyError))}
            />
          )}
        </Field>
        <Button type="submit" variant="secondary" disabled={replying}>
          {replying ? "Saving…" : "Reply publicly"}
        </Button>
        <FormOutcome state={replied} verb="saved" />
      </form>
    </div>
  );
}
