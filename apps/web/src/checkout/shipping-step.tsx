"use client";
// Step 2: how fast. Radio buttons in a fieldset; each says what it costs for this cart.
import { useState, type FormEvent } from "react";
import { Button } from "@emporium/ui/button";
import { cn } from "@emporium/ui/cn";
import { shippingLabel, type ShippingMethod } from "./money";
import { isShippingMethodId, type ShippingMethodId } from "./summary";

export interface ShippingStepProps {
  methods: readonly ShippingMethod[];
  selected: ShippingMethodId;
  subtotal: number;
  currency: string;
  error: string | null;
  /** A method is selected (before Continue): the order summary follows it. */
  onPick?: (method: ShippingMethodId) => void;
  onDone: (method: ShippingMethodId) => void;
  continueLabel: string;
}

export function ShippingStep({
  methods,
  selected,
  subtotal,
  currency,
  error,
  onPick,
  onDone,
  continueLabel,
}: ShippingStepProps) {
  const [choice, setChoice] = useState<string>(selected);
  const [problem, setProblem] = useState(error);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isShippingMethodId(choice)) {
      setProblem("Choose a shipping method");
      return;
    }
    onDone(choice);
  };
  return (
    <form method="post" noValidate onSubmit={onSubmit} className="flex flex-col gap-6">
      <fieldset aria-describedby={problem ? "shipping-error" : undefined}>
        <legend className="mb-3 text-base font-semibold">Shipping method</legend>
        <div className="flex flex-col gap-3">
          {methods.map((method) => (
            <label
              key={method.id}
              className={cn(
                "flex cursor-pointer items-start gap-3 rounded-xl border p-4 transition-colors",
                choice === method.id ? "border-brand-700 bg-brand-50" : "border-line-strong hover:border-ink",
              )}
            >
              <input
                type="radio"
                name="shippingMethod"
                value={method.id}
                checked={choice === method.id}
                onChange={() => {
                  setChoice(method.id);
                  if (isShippingMethodId(method.id)) onPick?.(method.id);
                }}
                className="mt-1 size-4 accent-brand-700"
              />
              <span className="flex flex-1 flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                <span>
                  <span className="block font-medium text-ink">{method.name}</span>
                  <span className="block text-sm text-ink-muted">{method.description}</span>
                </span>
                <span className="text-sm font-medium text-ink">
                  {shippingLabel(method, subtotal, currency)}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {problem && (
        <p id="shipping-error" role="alert" className="text-sm font-medium text-sale">
          {problem}
        </p>
      )}
      <div>
        <Button type="submit" size="lg">
          {continueLabel}
        </Button>
      </div>
    </form>
  );
}
