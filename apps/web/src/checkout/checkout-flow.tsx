"use client";
// Checkout on one page: details → shipping → payment → review. Progress shows at the top; finished
// steps collapse to a summary with a Change button; the step that opens gets focus on its heading.
// What the page knows lives in ./checkout-state (a tested reducer); the server calls in
// ./checkout-server; this component lays the steps out and wires them to both.
import { useEffect, useReducer, useRef, useState, type ReactNode } from "react";
import { formatMoney } from "@emporium/ui/money";
import { Steps } from "@emporium/ui/steps";
import type { ClientCart } from "@/cart/client-cart";
import { cardLabel } from "./card";
import { useSummaryRequests, usePlaceOrder } from "./checkout-server";
import {
  checkoutReducer,
  continueLabel,
  doneSteps,
  progressOf,
  resumedCheckoutState,
  reviewedSummary,
  STEPS,
  stepItems,
} from "./checkout-state";
import { addressLines, type DetailValues } from "./details";
import { DetailsStep } from "./details-step";
import { estimatedTotal, type ShippingMethod } from "./money";
import { OrderSummary } from "./order-summary";
import { PaymentStep } from "./payment-step";
import type { StepId } from "./problems";
import { saveCheckoutProgress } from "./actions";
import type { CheckoutProgress } from "./progress";
import { ReviewStep } from "./review-step";
import { ShippingStep } from "./shipping-step";
import { StepSection } from "./step-section";
import type { ShippingMethodId } from "./summary";

export interface CheckoutFlowProps {
  cart: ClientCart;
  methods: readonly ShippingMethod[];
  /** A signed-in shopper's email and latest saved address, to start from. */
  initialValues?: DetailValues | undefined;
  /** Where this shopper was in checkout before a reload (never her card). */
  progress?: CheckoutProgress | null | undefined;
}

export function CheckoutFlow({ cart, methods, initialValues, progress }: CheckoutFlowProps) {
  const [state, dispatch] = useReducer(checkoutReducer, { initialValues, progress }, resumedCheckoutState);
  const { step, details, method, card } = state;
  const { placing, place } = usePlaceOrder(dispatch);
  useSummaryRequests(state.summaryRequest, dispatch);
  const headings = useRef<Partial<Record<StepId, HTMLHeadingElement | null>>>({});

  // Each finished or reopened step is kept on the server, so a reload or a second tab resumes here.
  const saved = useRef(progress ? JSON.stringify(progress) : null);
  const { step: keptStep, details: keptDetails, method: keptMethod } = state;
  useEffect(() => {
    const now = progressOf({ ...state, step: keptStep });
    const text = JSON.stringify(now);
    if (text === saved.current) return;
    saved.current = text;
    saveCheckoutProgress(now).catch(() => undefined);
    // Saved when a step changes, not on every keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [keptStep, keptDetails, keptMethod]);

  // Focus follows the step that opens (but not on first load: the page heading comes first).
  useEffect(() => {
    if (state.moved) headings.current[step]?.focus();
  }, [step, state.moved]);

  const done = doneSteps(state);
  const chosenMethod = methods.find((m) => m.id === method) ?? null;
  const reviewed = reviewedSummary(state);
  // The method selected in the shipping step (Standard until another is picked): the summary follows
  // it at once, not only after Continue.
  const [picked, setPicked] = useState<ShippingMethodId>(method ?? "standard");
  const summaryMethod =
    methods.find((m) => m.id === (step === "shipping" ? picked : (method ?? picked))) ?? null;
  const summary = <OrderSummary cart={reviewed?.cart ?? cart} method={summaryMethod} confirmed={reviewed} />;
  const summaryTotal = reviewed
    ? reviewed.total
    : summaryMethod
      ? estimatedTotal(cart.subtotal, summaryMethod)
      : cart.subtotal;

  const section = (id: StepId, recap: ReactNode, body: ReactNode) => {
    const index = STEPS.findIndex((s) => s.id === id);
    return (
      <StepSection
        key={id}
        id={id}
        number={index + 1}
        heading={STEPS[index]?.heading ?? ""}
        open={step === id}
        done={done[id]}
        changeable={!placing}
        onChange={() => dispatch({ type: "opened", step: id })}
        headingRef={(node) => {
          headings.current[id] = node;
        }}
        recap={recap}
      >
        {body}
      </StepSection>
    );
  };

  return (
    <div className="grid gap-10 lg:grid-cols-[1fr_22rem] lg:items-start">
      {/* On a phone the summary comes first, folded to one line with the total (as on Shopify). */}
      <details
        className="group rounded-2xl border border-line bg-surface lg:hidden"
        data-testid="mobile-summary"
      >
        <summary className="flex cursor-pointer items-center justify-between gap-4 px-4 py-3 text-sm font-medium">
          <span>
            <span className="group-open:hidden">Show order summary</span>
            <span className="hidden group-open:inline">Hide order summary</span>
          </span>
          <span className="tabular-nums">{formatMoney(summaryTotal, cart.currency)}</span>
        </summary>
        <div className="border-t border-line">{summary}</div>
      </details>
      <div className="flex flex-col gap-6">
        <Steps
          label="Checkout progress"
          steps={stepItems(state)}
          onSelect={(id) => {
            const target = STEPS.find((s) => s.id === id);
            if (target && !placing) dispatch({ type: "opened", step: target.id });
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
            values={state.values}
            errors={state.detailErrors}
            onChange={(values, errors) => dispatch({ type: "detailsEdited", values, errors })}
            onDone={(found) => dispatch({ type: "detailsDone", details: found })}
            continueLabel={continueLabel(state, "details")}
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
            selected={method ?? picked}
            subtotal={cart.subtotal}
            currency={cart.currency}
            error={state.shippingError}
            onPick={setPicked}
            onDone={(found) => {
              setPicked(found);
              dispatch({ type: "shippingDone", method: found });
            }}
            continueLabel={continueLabel(state, "shipping")}
          />,
        )}
        {section(
          "payment",
          card && <p>{cardLabel(card)}</p>,
          <PaymentStep
            card={card}
            problem={state.cardProblem}
            onDone={(found) => dispatch({ type: "paymentDone", card: found })}
            continueLabel={continueLabel(state, "payment")}
          />,
        )}
        {section(
          "review",
          null,
          <ReviewStep
            state={state.summary}
            placing={placing}
            problem={state.problem}
            onRetrySummary={() => dispatch({ type: "summaryRetried" })}
            onPlace={() => {
              if (details && method && card) place({ details, method, card });
            }}
          />,
        )}
      </div>
      <aside aria-label="Order summary" className="hidden lg:sticky lg:top-6 lg:block">
        {summary}
      </aside>
    </div>
  );
}
