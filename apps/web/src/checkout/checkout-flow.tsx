"use client";
// Checkout on one page: details → shipping → payment → review. Progress shows at the top; finished
// steps collapse to a summary with a Change button; the step that opens gets focus on its heading.
// Placing the order reuses one idempotency key per attempt (see ./attempt), so a double click or a
// retry after a dropped connection never makes a second order.
import { unstable_rethrow } from "next/navigation";
import { useEffect, useRef, useState, useTransition, type ReactNode } from "react";
import { Steps, type StepItem } from "@emporium/ui/steps";
import { cn } from "@emporium/ui/cn";
import { formatMoney } from "@emporium/ui/money";
import type { ClientCart } from "@/cart/client-cart";
import { placeOrder, reviewCheckout } from "./actions";
import { attemptFor, type Attempt } from "./attempt";
import { cardLabel, type CardToken } from "./card";
import {
  addressLines,
  EMPTY_DETAILS,
  type CheckoutDetails,
  type DetailField,
  type DetailValues,
  type FieldErrors,
} from "./details";
import { DetailsStep } from "./details-step";
import { estimatedTotal, shippingCost, type ShippingMethod } from "./money";
import { PaymentStep } from "./payment-step";
import { stepOfProblem, type CheckoutProblem, type StepId } from "./problems";
import { ReviewStep, type SummaryState } from "./review-step";
import { ShippingStep } from "./shipping-step";
import type { ShippingMethodId } from "./summary";

const STEPS: readonly { id: StepId; label: string; heading: string }[] = [
  { id: "details", label: "Details", heading: "Contact and delivery" },
  { id: "shipping", label: "Shipping", heading: "Shipping" },
  { id: "payment", label: "Payment", heading: "Payment" },
  { id: "review", label: "Review", heading: "Review and place your order" },
];

const NETWORK_RETRIES = 2;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface CheckoutFlowProps {
  cart: ClientCart;
  methods: readonly ShippingMethod[];
  /** A signed-in shopper's email and latest saved address, to start from. */
  initialValues?: DetailValues | undefined;
}

export function CheckoutFlow({ cart, methods, initialValues }: CheckoutFlowProps) {
  const [step, setStep] = useState<StepId>("details");
  const [values, setValues] = useState<DetailValues>(initialValues ?? EMPTY_DETAILS);
  const [detailErrors, setDetailErrors] = useState<FieldErrors<DetailField>>({});
  const [details, setDetails] = useState<CheckoutDetails | null>(null);
  const [method, setMethod] = useState<ShippingMethodId | null>(null);
  const [shippingError, setShippingError] = useState<string | null>(null);
  const [card, setCard] = useState<CardToken | null>(null);
  const [cardProblem, setCardProblem] = useState<{ field: null; message: string } | null>(null);
  const [summary, setSummary] = useState<SummaryState>({ status: "loading" });
  const [problem, setProblem] = useState<CheckoutProblem | null>(null);
  // Pending from Place order until the order page has replaced this one.
  const [placing, startPlacing] = useTransition();
  const attempt = useRef<Attempt | null>(null);
  const headings = useRef<Partial<Record<StepId, HTMLHeadingElement | null>>>({});
  const moved = useRef(false);

  // Focus follows the step that opens (but not on first load: the page heading comes first).
  useEffect(() => {
    if (!moved.current) return;
    headings.current[step]?.focus();
  }, [step]);

  const done: Record<StepId, boolean> = {
    details: details !== null,
    shipping: method !== null,
    payment: card !== null,
    review: false,
  };

  const summaryRequest = useRef(0);
  const loadSummary = async (chosen: ShippingMethodId) => {
    // Only the latest request may set the totals (the shopper may have changed the method since).
    const request = ++summaryRequest.current;
    setSummary({ status: "loading" });
    try {
      const result = await reviewCheckout(chosen);
      if (request !== summaryRequest.current) return;
      setSummary(
        result.ok
          ? { status: "ready", summary: result.summary }
          : { status: "failed", problem: result.problem },
      );
    } catch {
      if (request !== summaryRequest.current) return;
      setSummary({
        status: "failed",
        problem: {
          kind: "retry",
          message: "We could not reach the shop. Check your connection and try again.",
        },
      });
    }
  };

  const goTo = (next: StepId, known = { details, method, card }) => {
    moved.current = true;
    setProblem(null);
    setStep(next);
    if (next === "review" && known.method) void loadSummary(known.method);
  };

  /** After a step is finished: the next one not done yet (review once all are). */
  const advance = (known: {
    details: CheckoutDetails | null;
    method: ShippingMethodId | null;
    card: CardToken | null;
  }) => {
    const isDone: Record<StepId, boolean> = {
      details: known.details !== null,
      shipping: known.method !== null,
      payment: known.card !== null,
      review: false,
    };
    goTo(STEPS.find((s) => !isDone[s.id])?.id ?? "review", known);
  };

  const showProblem = (found: CheckoutProblem) => {
    if (found.kind === "details") {
      setDetailErrors(found.errors);
      setDetails(null);
    } else if (found.kind === "shipping") {
      setShippingError(found.message);
      setMethod(null);
    } else if (found.kind === "payment") {
      setCardProblem({ field: null, message: found.message });
      setCard(null);
    } else {
      setProblem(found);
      return;
    }
    moved.current = true;
    setStep(stepOfProblem(found));
  };

  const place = () => {
    if (!details || !method || !card || placing) return;
    const request = {
      email: details.email,
      address: details.address,
      shippingMethod: method,
      paymentToken: card.token,
    };
    attempt.current = attemptFor(attempt.current, request);
    const input = { ...request, idempotencyKey: attempt.current.key };
    setProblem(null);
    // In a transition, so the redirect to the order page (thrown by the action) reaches Next's router.
    startPlacing(async () => {
      for (let retry = 0; ; retry++) {
        let result;
        try {
          result = await placeOrder(input);
        } catch (error) {
          unstable_rethrow(error);
          // The request or its answer was lost. The same key makes asking again safe.
          if (retry < NETWORK_RETRIES) {
            await pause(1_000 * (retry + 1));
            continue;
          }
          setProblem({
            kind: "retry",
            message:
              "We could not confirm your order because the connection dropped. Try again — you will not be charged twice.",
          });
          return;
        }
        // The action only returns when the order was not placed.
        showProblem(result.problem);
        return;
      }
    });
  };

  const stepItems: StepItem[] = STEPS.map((s) => ({
    id: s.id,
    label: s.label,
    state: s.id === step ? "current" : done[s.id] ? "complete" : "upcoming",
  }));
  const nextLabel = (after: StepId) => {
    const index = STEPS.findIndex((s) => s.id === after);
    const following = STEPS.slice(index + 1).find((s) => !done[s.id] || s.id === "review");
    return following?.id === "review"
      ? "Continue to review"
      : `Continue to ${following?.label.toLowerCase() ?? "review"}`;
  };

  const chosenMethod = methods.find((m) => m.id === method) ?? null;
  const reviewed = summary.status === "ready" && step === "review" ? summary.summary : null;
  const shownCart = reviewed?.cart ?? cart;

  const section = (id: StepId, recap: ReactNode, body: ReactNode) => {
    const meta = STEPS.find((s) => s.id === id);
    const index = STEPS.findIndex((s) => s.id === id);
    const open = step === id;
    return (
      <section
        key={id}
        aria-labelledby={`step-${id}`}
        className={cn(
          "rounded-2xl border bg-surface p-5 sm:p-6",
          open ? "border-ink/20 shadow-sm" : "border-line",
        )}
      >
        <div className="flex items-start justify-between gap-4">
          <h2
            id={`step-${id}`}
            tabIndex={-1}
            ref={(node) => {
              headings.current[id] = node;
            }}
            className={cn("text-lg font-semibold focus:outline-none", !open && !done[id] && "text-ink-muted")}
          >
            <span className="text-ink-muted">{index + 1}.</span> {meta?.heading}
          </h2>
          {!open && done[id] && !placing && (
            <button
              type="button"
              onClick={() => goTo(id)}
              className="text-sm font-medium text-brand-700 hover:underline"
            >
              Change<span className="sr-only"> {meta?.heading.toLowerCase()}</span>
            </button>
          )}
        </div>
        {open ? (
          <div className="mt-5">{body}</div>
        ) : (
          done[id] && <div className="mt-3 text-sm text-ink-muted">{recap}</div>
        )}
      </section>
    );
  };

  return (
    <div className="grid gap-10 lg:grid-cols-[1fr_22rem] lg:items-start">
      <div className="flex flex-col gap-6">
        <Steps
          label="Checkout progress"
          steps={stepItems}
          onSelect={(id) => {
            const target = STEPS.find((s) => s.id === id);
            if (target && !placing) goTo(target.id);
          }}
        />
        {section(
          "details",
          details && (
            <>
              <p>{details.email}</p>
              <p>{addressLines(details.address).join(", ")}</p>
            </>
          ),
          <DetailsStep
            values={values}
            errors={detailErrors}
            onChange={(next, errors) => {
              setValues(next);
              setDetailErrors(errors);
            }}
            onDone={(found) => {
              setDetails(found);
              advance({ details: found, method, card });
            }}
            continueLabel={nextLabel("details")}
          />,
        )}
        {section(
          "shipping",
          chosenMethod && (
            <p>
              {chosenMethod.name} — {chosenMethod.description}
            </p>
          ),
          <ShippingStep
            methods={methods}
            selected={method ?? "standard"}
            subtotal={cart.subtotal}
            currency={cart.currency}
            error={shippingError}
            onDone={(found) => {
              setMethod(found);
              setShippingError(null);
              advance({ details, method: found, card });
            }}
            continueLabel={nextLabel("shipping")}
          />,
        )}
        {section(
          "payment",
          card && <p>{cardLabel(card)}</p>,
          <PaymentStep
            card={card}
            problem={cardProblem}
            onDone={(found) => {
              setCard(found);
              setCardProblem(null);
              advance({ details, method, card: found });
            }}
            continueLabel={nextLabel("payment")}
          />,
        )}
        {section(
          "review",
          null,
          <ReviewStep
            state={summary}
            placing={placing}
            problem={problem}
            onRetrySummary={() => method && void loadSummary(method)}
            onPlace={place}
          />,
        )}
      </div>
      <aside aria-label="Order summary" className="lg:sticky lg:top-6">
        <OrderSummary cart={shownCart} method={chosenMethod} confirmed={reviewed} />
      </aside>
    </div>
  );
}

function OrderSummary({
  cart,
  method,
  confirmed,
}: {
  cart: ClientCart;
  method: ShippingMethod | null;
  confirmed: { subtotal: number; shippingTotal: number; total: number } | null;
}) {
  const money = (amount: number) => formatMoney(amount, cart.currency);
  const shipping = confirmed ? confirmed.shippingTotal : method ? shippingCost(method, cart.subtotal) : null;
  const total = confirmed ? confirmed.total : method ? estimatedTotal(cart.subtotal, method) : null;
  return (
    <div className="rounded-2xl border border-line bg-surface p-6">
      <h2 className="text-lg font-semibold">Order summary</h2>
      <ul className="mt-4 divide-y divide-line" aria-label="Items">
        {cart.lines.map((line) => (
          <li key={line.variantId} className="flex items-start gap-3 py-3 text-sm">
            {line.image && (
              <img
                src={line.image.url}
                alt=""
                width={line.image.width}
                height={line.image.height}
                loading="lazy"
                className="aspect-[4/5] w-12 shrink-0 rounded-md object-cover"
              />
            )}
            <span className="min-w-0 flex-1">
              <span className="block text-ink">{line.title}</span>
              <span className="block text-ink-muted">Qty {line.quantity}</span>
            </span>
            <span className="tabular-nums">{money(line.lineTotal)}</span>
          </li>
        ))}
      </ul>
      <dl className="mt-4 grid grid-cols-[1fr_auto] gap-x-4 gap-y-2 border-t border-line pt-4 text-sm">
        <dt className="text-ink-muted">Items</dt>
        <dd className="text-right tabular-nums">{money(confirmed ? confirmed.subtotal : cart.subtotal)}</dd>
        <dt className="text-ink-muted">Shipping</dt>
        <dd className="text-right tabular-nums">
          {shipping === null ? "Chosen next" : shipping === 0 ? "Free" : money(shipping)}
        </dd>
        <dt className="font-semibold">{confirmed ? "Total" : "Estimated total"}</dt>
        <dd className="text-right font-semibold tabular-nums">{money(total ?? cart.subtotal)}</dd>
      </dl>
    </div>
  );
}
