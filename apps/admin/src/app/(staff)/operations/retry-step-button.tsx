"use client";
// "Retry step" for one stuck order, asking for confirmation first (a second click).
import { useActionState, useState } from "react";
import { Button } from "@emporium/ui/button";
import { retryStuckStep, type DeadLetterActionState } from "./actions";

const INITIAL: DeadLetterActionState = { status: "idle", message: null };

export function RetryStepButton({ orderId, step }: { orderId: string; step: string }) {
  const [state, action, pending] = useActionState(retryStuckStep, INITIAL);
  const [asking, setAsking] = useState(false);
  if (state.status === "done")
    return (
      <p role="status" className="text-sm text-success">
        {state.message}
      </p>
    );
  return (
    <div className="flex flex-col items-end gap-2">
      {asking ? (
        <form action={action} className="flex flex-wrap items-center justify-end gap-2">
          <input type="hidden" name="orderId" value={orderId} />
          <p className="text-sm font-medium">Send {step} again? Its worker answers a repeat once.</p>
          <Button type="submit" disabled={pending}>
            Yes, retry
          </Button>
          <Button type="button" variant="secondary" disabled={pending} onClick={() => setAsking(false)}>
            Keep waiting
          </Button>
        </form>
      ) : (
        <Button type="button" variant="secondary" onClick={() => setAsking(true)}>
          Retry step
        </Button>
      )}
      <p role="status" className="text-sm text-sale">
        {state.message}
      </p>
    </div>
  );
}
