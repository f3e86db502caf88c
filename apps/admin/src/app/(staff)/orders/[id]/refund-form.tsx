"use client";
// A full or partial refund, in the order's currency, through a server action. The idempotency key is
// derived by the page from the order's latest timeline entry, so a double submit — or a second tab on
// the same state — pays out once, while any change to the order (a refund settled or failed) gives the
// next refund a new key. After a refund is sent the form is emptied: another refund is typed anew.
import { useActionState, useEffect, useRef } from "react";
import { Button } from "@emporium/ui/button";
import { formatMoney, toDecimalString } from "@emporium/ui/money";
import { keepValuesOnRefusal } from "@emporium/ui/form-action";
import { refundOrder, type OrderActionState } from "./actions";

const INITIAL: OrderActionState = { status: "idle", message: null };

interface RefundFormProps {
  orderId: string;
  currency: string;
  refundable: number;
  idempotencyKey: string;
}

export function RefundForm({ orderId, currency, refundable, idempotencyKey }: RefundFormProps) {
  const [state, action, pending] = useActionState(refundOrder, INITIAL);
  const invalid = state.field === "amount";
  const form = useRef<HTMLFormElement>(null);
  const sent = state.status === "saved";
  useEffect(() => {
    if (sent) form.current?.reset();
  }, [state, sent]);
  return (
    <form
      ref={form}
      onSubmit={keepValuesOnRefusal(action)}
      aria-labelledby="refund-heading"
      className="flex flex-col gap-2"
    >
      <h3 id="refund-heading" className="font-semibold">
        Refund
      </h3>
      <p className="text-xs text-ink-muted">Up to {formatMoney(refundable, currency)} can be refunded.</p>
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="currency" value={currency} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <label htmlFor="refund-amount" className="text-sm font-medium">
        Amount ({currency})
      </label>
      <input
        id="refund-amount"
        name="amount"
        inputMode="decimal"
        required
        defaultValue={sent ? "" : toDecimalString(refundable, currency)}
        aria-invalid={invalid ? true : undefined}
        aria-describedby="refund-message"
        className={`rounded-lg border bg-surface px-3 py-2 text-sm tabular-nums ${invalid ? "border-sale" : "border-line-strong"}`}
      />
      <label htmlFor="refund-reason" className="text-sm font-medium">
        Reason
      </label>
      <input
        id="refund-reason"
        name="reason"
        maxLength={200}
        placeholder="Item returned"
        className="rounded-lg border border-line-strong bg-surface px-3 py-2 text-sm"
      />
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? "Refunding…" : "Refund"}
      </Button>
      <p
        id="refund-message"
        role="status"
        className={`text-sm ${state.status === "error" ? "text-sale" : "text-success"}`}
      >
        {state.message}
      </p>
    </form>
  );
}
