"use client";
// Replay and Discard for one dead letter, each asking for confirmation first (a second click).
import { useActionState, useState } from "react";
import { Button } from "@emporium/ui/button";
import { settleDeadLetter, type DeadLetterActionState } from "./actions";

const INITIAL: DeadLetterActionState = { status: "idle", message: null };

const WORDING = {
  replay: { ask: "Send it back to its queue to be tried again?", confirm: "Yes, replay", button: "Replay" },
  discard: {
    ask: "Discard it for good? It will not be tried again.",
    confirm: "Yes, discard",
    button: "Discard",
  },
} as const;

export function DeadLetterActions({ queue, messageId }: { queue: string; messageId: string }) {
  const [state, action, pending] = useActionState(settleDeadLetter, INITIAL);
  const [asking, setAsking] = useState<"replay" | "discard" | null>(null);
  return (
    <div className="flex flex-col gap-2">
      {asking === null ? (
        <div className="flex gap-2">
          <Button type="button" variant="secondary" onClick={() => setAsking("replay")}>
            {WORDING.replay.button}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setAsking("discard")}>
            {WORDING.discard.button}
          </Button>
        </div>
      ) : (
        <form action={action} className="flex flex-wrap items-center gap-2">
          <input type="hidden" name="queue" value={queue} />
          <input type="hidden" name="messageId" value={messageId} />
          <input type="hidden" name="action" value={asking} />
          <p className="text-sm font-medium">{WORDING[asking].ask}</p>
          <Button type="submit" disabled={pending}>
            {WORDING[asking].confirm}
          </Button>
          <Button type="button" variant="secondary" disabled={pending} onClick={() => setAsking(null)}>
            Keep it
          </Button>
        </form>
      )}
      <p role="status" className={`text-sm ${state.status === "error" ? "text-sale" : "text-success"}`}>
        {state.message}
      </p>
    </div>
  );
}
