"use client";
// Cancels the order through a server action, asking for a reason the customer will read.
import { useActionState } from "react";
import { Button } from "@emporium/ui/button";
import { cancelOrder, type OrderActionState } from "./actions";

const INITIAL: OrderActionState = { status: "idle", message: null };

export function CancelForm({ orderId }: { orderId: string }) {
  const [state, action, pending] = useActionState(cancelOrder, INITIAL);
  return (
    <form action={action} aria-labelledby="cancel-heading" className="flex flex-col gap-2">
      <h3 id="cancel-heading" className="font-semibold">
        Cancel the order
      </h3>
      <p className="text-xs text-ink-muted">
        Held stock goes back on sale and the payment authorisation is released.
      </p>
      <input type="hidden" name="orderId" value={orderId} />
      <label htmlFor="cancel-reason" className="text-sm font-medium">
        Reason (the customer sees it)
      </label>
      <input
        id="cancel-reason"
        name="reason"
        maxLength={200}
        placeholder="Cancelled at the customer's request"
        className="rounded-lg border border-line-strong bg-surface px-3 py-2 text-sm"
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Cancelling…" : "Cancel order"}
      </Button>
      <p role="status" className={`text-sm ${state.status === "error" ? "text-sale" : "text-success"}`}>
        {state.message}
      </p>
    </form>
  );
}
