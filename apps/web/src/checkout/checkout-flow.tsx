"use client";
// Checkout on one page: details → shipping → payment → review. Progress shows at the top; finished
// steps collapse to a summary with a Change button; the step that opens gets focus on its heading.
// What the page knows lives in ./checkout-state (a tested reducer); the server calls in
// ./checkout-server; this component lays the steps out and wires them to both.
import { useEffect, useReducer, useRef, type ReactNode } from "react";
import { Steps } from "@emporium/ui/steps";
import type { ClientCart } from "@/cart/client-cart";
import { cardLabel } from "./card";
import { useSummaryRequests, usePlaceOrder } from "./checkout-server";
import {
  checkoutReducer,
  continueLabel,
  doneSteps,
  initialCheckoutState,
  reviewedSummary,
  STEPS,
  stepItems,
} from "./checkout-state";
import { addressLines, type DetailValues } from "./details";
import { DetailsStep } from "./details-step";
import type { ShippingMethod } from "./money";
import { OrderSummary } from "./order-summary";
import { PaymentStep } from "./payment-step";
import type { StepId } from "./problems";
import { ReviewStep } from "./review-step";
import { ShippingStep } from "./shipping-step";
import { StepSection } from "./step-section";

export interface CheckoutFlowProps {
  cart: ClientCart;
  methods: readonly ShippingMethod[];
  /** A signed-in shopper's email and latest saved address, to start from. */
  initialValues?: DetailValues | undefined;
}

export function CheckoutFlow({ cart, methods, initialValues }: CheckoutFlowProps) {
  const [state, dispatch] = useReducer(checkoutReducer, initialValues, initialCheckoutState);
  const { step, details, method, card } = state;
  const { placing, place } = usePlaceOrder(dispatch);
  useSummaryRequests(state.summaryRequest, dispatch);
  const headings = useRef<Partial<Record<StepId, HTMLHeadingElement | null>>>({});

  // Focus follows the step that opens (but not on first load: the page heading comes first).
  useEffect(() => {
    if (state.moved) headings.current[step]?.focus();
  }, [step, state.moved]);

  const done = doneSteps(state);
  const chosenMethod = methods.find((m) => m.id === method) ?? null;
  const reviewed = reviewedSummary(state);

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
            selected={method ?? "standard"}
            subtotal={cart.subtotal}
            currency={cart.currency}
            error={state.shippingError}
            onDone={(found) => dispatch({ type: "shippingDone", method: found })}
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
      <aside aria-label="Order summary" className="lg:sticky lg:top-6">
        <OrderSummary cart={reviewed?.cart ?? cart} method={chosenMethod} confirmed={reviewed} />
      </aside>
    </div>
  );
}
