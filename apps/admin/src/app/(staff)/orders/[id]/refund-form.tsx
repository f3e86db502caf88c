"use client";
// A refund through a server action: of items (a quantity per line, priced as sold, optionally put back
// in stock at a chosen location) or of an amount typed in. The idempotency key is derived by the page
// from the order's latest timeline entry, so a double submit — or a second tab on the same state — pays
// out once, while any change to the order (a refund settled or failed) gives the next refund a new key.
// After a refund is sent the form is emptied: another refund is typed anew.
import { useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { Button } from "@emporium/ui/button";
import { formatMoney, toDecimalString } from "@emporium/ui/money";
import { keepValuesOnRefusal } from "@emporium/ui/form-action";
import { refundOrder, type OrderActionState } from "./actions";
import { QUANTITY_FIELD_PREFIX, refundItemsTotal } from "./refund-items";

const INITIAL: OrderActionState = { status: "idle", message: null };

export interface RefundLineOption {
  variantId: string;
  title: string;
  sku: string;
  quantity: number;
  unitPrice: number;
  /** Units not refunded yet. */
  remaining: number;
}

interface RefundFormProps {
  orderId: string;
  currency: string;
  refundable: number;
  idempotencyKey: string;
  lines: RefundLineOption[];
  /** Where refunded items may go back in stock; null when the inventory could not say. */
  locations: { id: string; name: string }[] | null;
}

/** The quantities typed per line (variant id → units), read off the form as it is now. */
function quantitiesOf(form: HTMLFormElement): Map<string, number> {
  const quantities = new Map<string, number>();
  for (const [name, value] of new FormData(form)) {
    if (!name.startsWith(QUANTITY_FIELD_PREFIX) || typeof value !== "string") continue;
    const units = Number(value);
    if (Number.isInteger(units) && units > 0) quantities.set(name.slice(QUANTITY_FIELD_PREFIX.length), units);
  }
  return quantities;
}

export function RefundForm({
  orderId,
  currency,
  refundable,
  idempotencyKey,
  lines,
  locations,
}: RefundFormProps) {
  const [state, action, pending] = useActionState(refundOrder, INITIAL);
  const form = useRef<HTMLFormElement>(null);
  const [quantities, setQuantities] = useState<Map<string, number>>(new Map());
  const [restock, setRestock] = useState(false);
  const sent = state.status === "saved";
  useEffect(() => {
    if (sent) form.current?.reset();
  }, [state, sent]);

  const money = (minor: number) => formatMoney(minor, currency);
  const itemsTotal = refundItemsTotal(lines, quantities);
  const byItems = itemsTotal > 0;
  const amount = Math.min(itemsTotal, refundable);
  const refundableLines = lines.filter((l) => l.remaining > 0);
  const invalid = (field: NonNullable<OrderActionState["field"]>) => state.field === field;
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    setQuantities(quantitiesOf(event.currentTarget));
    setRestock(new FormData(event.currentTarget).get("restock") === "on");
  };
  const onReset = () => {
    setQuantities(new Map());
    setRestock(false);
  };

  return (
    <form
      ref={form}
      onSubmit={keepValuesOnRefusal(action)}
      onChange={onChange}
      onReset={onReset}
      aria-labelledby="refund-heading"
      className="flex flex-col gap-3"
    >
      <h3 id="refund-heading" className="font-semibold">
        Refund
      </h3>
      <p className="text-xs text-ink-muted">Up to {money(refundable)} can be refunded.</p>
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="currency" value={currency} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />

      {refundableLines.length > 0 && (
        <fieldset className="flex flex-col gap-2">
          <legend className="text-sm font-medium">Items to refund</legend>
          {refundableLines.map((l) => (
            <div key={l.variantId} className="grid grid-cols-[1fr_5rem] items-center gap-x-2">
              <label htmlFor={`refund-qty-${l.variantId}`} className="text-sm">
                {l.title} <span className="font-mono text-xs text-ink-muted">{l.sku}</span>
              </label>
              <input
                id={`refund-qty-${l.variantId}`}
                name={`${QUANTITY_FIELD_PREFIX}${l.variantId}`}
                type="number"
                inputMode="numeric"
                min={0}
                max={l.remaining}
                step={1}
                defaultValue={0}
                aria-describedby={`refund-qty-${l.variantId}-hint`}
                aria-invalid={invalid("lines") ? true : undefined}
                className="rounded-lg border border-line-strong bg-surface px-2 py-1 text-right text-sm tabular-nums"
              />
              <p id={`refund-qty-${l.variantId}-hint`} className="col-span-2 text-xs text-ink-muted">
                {money(l.unitPrice)} each · {l.remaining} of {l.quantity} left to refund
              </p>
            </div>
          ))}
        </fieldset>
      )}

      {byItems ? (
        <div className="flex flex-col gap-1">
          <p className="text-sm">
            <span className="font-medium">Amount</span>{" "}
            <output
              htmlFor={refundableLines.map((l) => `refund-qty-${l.variantId}`).join(" ")}
              data-testid="refund-items-amount"
              className="tabular-nums"
            >
              {money(amount)}
            </output>
          </p>
          <p className="text-xs text-ink-muted">
            {amount < itemsTotal
              ? `The items come to ${money(itemsTotal)}; only ${money(refundable)} is left to refund.`
              : "Worked out from the items. Set every quantity to 0 to refund an amount instead."}
          </p>
          {locations && locations.length > 0 ? (
            <>
              <div className="flex items-center gap-2">
                <input
                  id="refund-restock"
                  name="restock"
                  type="checkbox"
                  className="size-4 rounded border-line-strong accent-brand-700"
                />
                <label htmlFor="refund-restock" className="text-sm">
                  Restock items
                </label>
              </div>
              {restock && (
                <>
                  <label htmlFor="refund-location" className="text-sm font-medium">
                    Location
                  </label>
                  <select
                    id="refund-location"
                    name="restockLocationId"
                    defaultValue={locations[0]?.id}
                    aria-invalid={invalid("restockLocationId") ? true : undefined}
                    aria-describedby="refund-message"
                    className="rounded-lg border border-line-strong bg-surface px-3 py-2 text-sm"
                  >
                    {locations.map((l) => (
                      <option key={l.id} value={l.id}>
                        {l.name}
                      </option>
                    ))}
                  </select>
                </>
              )}
            </>
          ) : (
            <p className="text-xs text-ink-muted">
              Stock locations could not be loaded, so the items cannot be restocked from here right now.
            </p>
          )}
        </div>
      ) : (
        <>
          <label htmlFor="refund-amount" className="text-sm font-medium">
            Amount ({currency})
          </label>
          <input
            id="refund-amount"
            name="amount"
            inputMode="decimal"
            required
            defaultValue={sent ? "" : toDecimalString(refundable, currency)}
            aria-invalid={invalid("amount") ? true : undefined}
            aria-describedby="refund-message"
            className={`rounded-lg border bg-surface px-3 py-2 text-sm tabular-nums ${invalid("amount") ? "border-sale" : "border-line-strong"}`}
          />
        </>
      )}
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
        {pending ? "Refunding…" : byItems ? `Refund ${money(amount)}` : "Refund"}
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
