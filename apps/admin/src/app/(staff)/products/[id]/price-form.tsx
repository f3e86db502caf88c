"use client";
// One variant's price and compare-at price, saved through a server action; the answer (saved, or what
// is wrong with which field) is announced in place.
import { useActionState } from "react";
import { Button } from "@emporium/ui/button";
import { toDecimalString } from "@emporium/ui/money";
import { keepValuesOnRefusal } from "@emporium/ui/form-action";
import { savePrice, type PriceFormState } from "./actions";

interface PriceFormProps {
  productId: string;
  variantId: string;
  variantTitle: string;
  currency: string;
  price: number;
  compareAtPrice: number | null;
}

const INITIAL: PriceFormState = { status: "idle", message: null };

export function PriceForm(props: PriceFormProps) {
  const [state, action, pending] = useActionState(savePrice, INITIAL);
  const inputClass = (invalid: boolean) =>
    `w-28 rounded-lg border bg-surface px-2 py-1.5 text-right text-sm tabular-nums ${invalid ? "border-sale" : "border-line-strong"}`;
  const messageId = `price-message-${props.variantId}`;
  return (
    <form
      onSubmit={keepValuesOnRefusal(action)}
      className="flex flex-wrap items-center justify-end gap-2"
      aria-label={`Price of ${props.variantTitle}`}
    >
      <input type="hidden" name="productId" value={props.productId} />
      <input type="hidden" name="variantId" value={props.variantId} />
      <input type="hidden" name="currency" value={props.currency} />
      <label className="sr-only" htmlFor={`price-${props.variantId}`}>
        Price of {props.variantTitle} ({props.currency})
      </label>
      <input
        id={`price-${props.variantId}`}
        name="price"
        inputMode="decimal"
        defaultValue={toDecimalString(props.price, props.currency)}
        aria-invalid={state.field === "price" ? true : undefined}
        aria-describedby={messageId}
        className={inputClass(state.field === "price")}
      />
      <label className="sr-only" htmlFor={`compare-${props.variantId}`}>
        Compare-at price of {props.variantTitle} ({props.currency}), optional
      </label>
      <input
        id={`compare-${props.variantId}`}
        name="compareAtPrice"
        inputMode="decimal"
        placeholder="Was"
        defaultValue={
          props.compareAtPrice === null ? "" : toDecimalString(props.compareAtPrice, props.currency)
        }
        aria-invalid={state.field === "compareAtPrice" ? true : undefined}
        aria-describedby={messageId}
        className={inputClass(state.field === "compareAtPrice")}
      />
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Save price"}
      </Button>
      <p
        id={messageId}
        role="status"
        className={`basis-full text-right text-xs ${state.status === "error" ? "text-sale" : "text-success"}`}
      >
        {state.message}
      </p>
    </form>
  );
}
