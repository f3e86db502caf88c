"use client";
// Step 4: everything once more with the totals the orders service will charge, then Place order.
import Link from "next/link";
import { Alert } from "@emporium/ui/alert";
import { Button } from "@emporium/ui/button";
import { formatMoney } from "@emporium/ui/money";
import { checkoutBlock } from "@/cart/client-cart";
import type { CheckoutProblem } from "./problems";
import type { CheckoutSummary } from "./summary";

export type SummaryState =
  | { status: "loading" }
  | { status: "ready"; summary: CheckoutSummary }
  | { status: "failed"; problem: CheckoutProblem };

export interface ReviewStepProps {
  state: SummaryState;
  placing: boolean;
  problem: CheckoutProblem | null;
  onRetrySummary: () => void;
  onPlace: () => void;
}

function Totals({ summary }: { summary: CheckoutSummary }) {
  const currency = summary.cart.currency;
  const money = (amount: number) => formatMoney(amount, currency);
  return (
    <dl className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-2 text-sm" data-testid="review-totals">
      <dt className="text-ink-muted">Items</dt>
      <dd className="text-right tabular-nums">{money(summary.subtotal)}</dd>
      <dt className="text-ink-muted">Shipping</dt>
      <dd className="text-right tabular-nums">
        {summary.shippingTotal === 0 ? "Free" : money(summary.shippingTotal)}
      </dd>
      <dt className="text-ink-muted">Tax</dt>
      <dd className="text-right tabular-nums">
        {summary.taxTotal === 0 ? "Included in prices" : money(summary.taxTotal)}
      </dd>
      <dt className="border-t border-line pt-3 text-base font-semibold">Total</dt>
      <dd
        className="border-t border-line pt-3 text-right text-base font-semibold tabular-nums"
        data-testid="review-total"
      >
        {money(summary.total)}
      </dd>
    </dl>
  );
}

function ProblemAlert({ problem }: { problem: CheckoutProblem }) {
  if (problem.kind === "unavailable")
    return (
      <Alert tone="error" title="Payments are temporarily unavailable" live="assertive">
        {problem.message} Nothing has been charged and your cart is kept.
      </Alert>
    );
  if (problem.kind === "limited")
    return (
      <Alert tone="warning" title="Please wait before trying again" live="assertive">
        {problem.message} Your cart and details are kept, and you will not be charged twice.
      </Alert>
    );
  if (problem.kind === "cart")
    return (
      <Alert tone="error" title="Your cart cannot be ordered" live="assertive">
        {problem.message}.{" "}
        <Link href="/cart" className="font-medium underline">
          Go to your cart
        </Link>
      </Alert>
    );
  return (
    <Alert tone="error" title="Your order was not placed" live="assertive">
      {"message" in problem ? problem.message : "Please check your details."}
    </Alert>
  );
}

export function ReviewStep({ state, placing, problem, onRetrySummary, onPlace }: ReviewStepProps) {
  if (state.status === "loading")
    return (
      <p role="status" className="text-sm text-ink-muted">
        Working out your total…
      </p>
    );
  if (state.status === "failed")
    return (
      <div className="flex flex-col items-start gap-4">
        <ProblemAlert problem={state.problem} />
        {state.problem.kind !== "cart" && (
          <Button variant="secondary" onClick={onRetrySummary}>
            Try again
          </Button>
        )}
      </div>
    );

  const { summary } = state;
  const blocked = checkoutBlock(summary.cart);
  const paymentsDown = !summary.payments.available;
  return (
    <div className="flex flex-col gap-6">
      <Totals summary={summary} />
      {paymentsDown && (
        <Alert tone="warning" title="Payments are temporarily unavailable">
          {summary.payments.reason ? `${summary.payments.reason}. ` : ""}We cannot take orders honestly right
          now. Your cart is saved — please try again in a few minutes.
        </Alert>
      )}
      {blocked && (
        <Alert tone="warning" title="Your cart changed">
          {blocked}.{" "}
          <Link href="/cart" className="font-medium underline">
            Review your cart
          </Link>
        </Alert>
      )}
      {problem && <ProblemAlert problem={problem} />}
      <div className="flex flex-wrap items-center gap-3">
        <Button
          size="lg"
          onClick={onPlace}
          disabled={placing || Boolean(blocked)}
          aria-describedby="place-order-terms"
        >
          {placing
            ? "Placing your order…"
            : `Place order · ${formatMoney(summary.total, summary.cart.currency)}`}
        </Button>
        {paymentsDown && (
          <Button variant="secondary" onClick={onRetrySummary} disabled={placing}>
            Check again
          </Button>
        )}
      </div>
      <p id="place-order-terms" className="text-xs text-ink-muted">
        Your card is charged when your order ships. Placing the order twice by accident is safe: you are
        charged once.
      </p>
    </div>
  );
}
