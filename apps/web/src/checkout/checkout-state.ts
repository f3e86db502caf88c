// What the checkout page knows and how each thing the shopper does (or the server answers) changes it,
// as one pure reducer the CheckoutFlow component runs with useReducer. Kept apart from the component so
// the rules — which step opens next, when the totals are asked for again, where a refused order sends
// the shopper — are tested without rendering anything.
import type { StepItem } from "@emporium/ui/steps";
import type { CardToken } from "./card";
import {
  checkDetails,
  EMPTY_DETAILS,
  type CheckoutDetails,
  type DetailField,
  type DetailValues,
  type FieldErrors,
} from "./details";
import { stepOfProblem, type CheckoutProblem, type StepId } from "./problems";
import type { CheckoutProgress } from "./progress";
import type { SummaryState } from "./review-step";
import type { CheckoutSummary, ReviewResult, ShippingMethodId } from "./summary";

export const STEPS: readonly { id: StepId; label: string; heading: string }[] = [
  { id: "details", label: "Details", heading: "Contact and delivery" },
  { id: "shipping", label: "Shipping", heading: "Shipping" },
  { id: "payment", label: "Payment", heading: "Payment" },
  { id: "review", label: "Review", heading: "Review and place your order" },
];

export interface CheckoutState {
  /** The open step. */
  step: StepId;
  /** Whether the shopper has moved between steps: focus follows the open step only then. */
  moved: boolean;
  /** The details form as typed, and its field errors. */
  values: DetailValues;
  detailErrors: FieldErrors<DetailField>;
  /** Each step's finished answer (null while it is not done). */
  details: CheckoutDetails | null;
  method: ShippingMethodId | null;
  card: CardToken | null;
  shippingError: string | null;
  cardProblem: { field: null; message: string } | null;
  /** The totals the orders service will charge, for the review step. */
  summary: SummaryState;
  /**
   * The totals request the page should send now, numbered so only the latest answer is shown (the
   * shopper may have changed the method since). Null until the review step first opens.
   */
  summaryRequest: { id: number; method: ShippingMethodId } | null;
  /** Why the order was not placed, when no step or field is to blame. */
  problem: CheckoutProblem | null;
}

export type CheckoutAction =
  | { type: "detailsEdited"; values: DetailValues; errors: FieldErrors<DetailField> }
  | { type: "detailsDone"; details: CheckoutDetails }
  | { type: "shippingDone"; method: ShippingMethodId }
  | { type: "paymentDone"; card: CardToken }
  /** The shopper reopens a step (its Change button, or the progress list). */
  | { type: "opened"; step: StepId }
  | { type: "summaryRetried" }
  /** The answer to a totals request, or null when the shop could not be reached. */
  | { type: "summaryArrived"; requestId: number; result: ReviewResult | null }
  | { type: "placing" }
  /** Placing was refused: the problem sends the shopper to the step to fix, or shows on review. */
  | { type: "placeRefused"; problem: CheckoutProblem }
  /** The connection dropped on every try; asking again with the same attempt is safe. */
  | { type: "placeUnconfirmed" };

export const UNREACHABLE_SUMMARY: SummaryState = {
  status: "failed",
  problem: { kind: "retry", message: "We could not reach the shop. Check your connection and try again." },
};

export const UNCONFIRMED_ORDER: CheckoutProblem = {
  kind: "retry",
  message:
    "We could not confirm your order because the connection dropped. Try again — you will not be charged twice.",
};

export function initialCheckoutState(initialValues?: DetailValues): CheckoutState {
  return {
    step: "details",
    moved: false,
    values: initialValues ?? EMPTY_DETAILS,
    detailErrors: {},
    details: null,
    method: null,
    card: null,
    shippingError: null,
    cardProblem: null,
    summary: { status: "loading" },
    summaryRequest: null,
    problem: null,
  };
}

/**
 * Checkout as the shopper left it (a reload, the back button, a second tab): her details, the method
 * and the step she was on — but never past the first step without its answer, and the card (never
 * kept) is asked for again.
 */
export function resumedCheckoutState(start: {
  initialValues?: DetailValues | undefined;
  progress?: CheckoutProgress | null | undefined;
}): CheckoutState {
  const { progress } = start;
  const base = initialCheckoutState(progress?.values ?? start.initialValues);
  if (!progress) return base;
  const checked = checkDetails(progress.values);
  const details = checked.ok ? checked.details : null;
  const resumed = { ...base, details, method: details ? progress.method : null };
  const done = doneSteps(resumed);
  const order = STEPS.map((s) => s.id);
  const firstOpen = STEPS.find((s) => !done[s.id])?.id ?? "review";
  const step = order.indexOf(progress.step) <= order.indexOf(firstOpen) ? progress.step : firstOpen;
  return { ...resumed, step };
}

/** What to keep of the state for a reload (see ./progress). */
export function progressOf(state: CheckoutState): CheckoutProgress {
  return { values: state.values, method: state.method, step: state.step };
}

/** Which steps have their answer. Review is never "done": placing the order leaves the page. */
export function doneSteps(
  state: Pick<CheckoutState, "details" | "method" | "card">,
): Record<StepId, boolean> {
  return {
    details: state.details !== null,
    shipping: state.method !== null,
    payment: state.card !== null,
    review: false,
  };
}

/** Asks for the totals again (showing them as loading), if a method is chosen. */
function requestSummary(state: CheckoutState): CheckoutState {
  if (!state.method) return state;
  return {
    ...state,
    summary: { status: "loading" },
    summaryRequest: { id: (state.summaryRequest?.id ?? 0) + 1, method: state.method },
  };
}

/** Opens `step`; opening the review asks for fresh totals. */
function open(state: CheckoutState, step: StepId): CheckoutState {
  const opened = { ...state, moved: true, problem: null, step };
  return step === "review" ? requestSummary(opened) : opened;
}

/** After a step is finished: the first one not done yet (review once all are). */
function advance(state: CheckoutState): CheckoutState {
  const done = doneSteps(state);
  return open(state, STEPS.find((s) => !done[s.id])?.id ?? "review");
}

export function checkoutReducer(state: CheckoutState, action: CheckoutAction): CheckoutState {
  switch (action.type) {
    case "detailsEdited":
      return { ...state, values: action.values, detailErrors: action.errors };
    case "detailsDone":
      return advance({ ...state, details: action.details });
    case "shippingDone":
      return advance({ ...state, method: action.method, shippingError: null });
    case "paymentDone":
      return advance({ ...state, card: action.card, cardProblem: null });
    case "opened":
      return open(state, action.step);
    case "summaryRetried":
      return requestSummary(state);
    case "summaryArrived": {
      if (action.requestId !== state.summaryRequest?.id) return state;
      const { result } = action;
      const summary: SummaryState = !result
        ? UNREACHABLE_SUMMARY
        : result.ok
          ? { status: "ready", summary: result.summary }
          : { status: "failed", problem: result.problem };
      return { ...state, summary };
    }
    case "placing":
      return { ...state, problem: null };
    case "placeRefused": {
      const { problem } = action;
      const toFix = { ...state, moved: true, step: stepOfProblem(problem) };
      if (problem.kind === "details") return { ...toFix, detailErrors: problem.errors, details: null };
      if (problem.kind === "shipping") return { ...toFix, shippingError: problem.message, method: null };
      if (problem.kind === "payment")
        return { ...toFix, cardProblem: { field: null, message: problem.message }, card: null };
      return { ...state, problem };
    }
    case "placeUnconfirmed":
      return { ...state, problem: UNCONFIRMED_ORDER };
  }
}

/** The progress list: the open step is current, finished ones complete (and reopenable). */
export function stepItems(state: CheckoutState): StepItem[] {
  const done = doneSteps(state);
  return STEPS.map((s) => ({
    id: s.id,
    label: s.label,
    state: s.id === state.step ? "current" : done[s.id] ? "complete" : "upcoming",
  }));
}

/** A step's Continue button names where it leads: the next step not done yet, or the review. */
export function continueLabel(state: CheckoutState, after: StepId): string {
  const done = doneSteps(state);
  const index = STEPS.findIndex((s) => s.id === after);
  const following = STEPS.slice(index + 1).find((s) => !done[s.id] || s.id === "review");
  return following?.id === "review"
    ? "Continue to review"
    : `Continue to ${following?.label.toLowerCase() ?? "review"}`;
}

/** The totals to show beside the steps: the orders service's, while the review is open and has them. */
export function reviewedSummary(state: CheckoutState): CheckoutSummary | null {
  return state.summary.status === "ready" && state.step === "review" ? state.summary.summary : null;
}
