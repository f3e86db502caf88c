"use client";
// "Helpful (n)" under a review, for a signed-in shopper: one vote per review, counted by the reviews
// service. The new count shows at once; a refusal (a second vote, one's own review) is said beside the
// button. A plain form posting to the server action, so it works before the page's JavaScript loads.
import { useActionState } from "react";
import { Button } from "@emporium/ui/button";
import { markHelpful } from "./actions";
import type { HelpfulState } from "./form-state";

export function HelpfulButton({ reviewId, count }: { reviewId: string; count: number }) {
  const [state, action, pending] = useActionState<HelpfulState, FormData>(markHelpful, {
    status: "idle",
    count,
    message: null,
  });
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="reviewId" value={reviewId} />
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        Helpful ({state.count})
      </Button>
      <p role="status" className={state.status === "error" ? "text-sm text-sale" : "text-sm text-ink-muted"}>
        {state.message}
      </p>
    </form>
  );
}
