// The checkout page's two conversations with the server, as hooks over the checkout reducer: fetching
// the totals the review step asks for, and placing the order. Placing reuses one idempotency key per
// attempt (see ./attempt), so a double click or a retry after a dropped connection never makes a second
// order.
import { unstable_rethrow } from "next/navigation";
import { useEffect, useRef, useTransition, type Dispatch } from "react";
import { placeOrder, reviewCheckout } from "./actions";
import { attemptFor, type Attempt } from "./attempt";
import type { CardToken } from "./card";
import type { CheckoutAction, CheckoutState } from "./checkout-state";
import type { CheckoutDetails } from "./details";
import type { ShippingMethodId } from "./summary";

const NETWORK_RETRIES = 2;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends each totals request the state asks for, once, and hands the answer back to the reducer. */
export function useSummaryRequests(
  request: CheckoutState["summaryRequest"],
  dispatch: Dispatch<CheckoutAction>,
): void {
  // Remembered across re-runs of the effect (Strict Mode runs it twice), so a request goes out once.
  const sent = useRef(0);
  useEffect(() => {
    if (!request || sent.current === request.id) return;
    sent.current = request.id;
    reviewCheckout(request.method).then(
      (result) => dispatch({ type: "summaryArrived", requestId: request.id, result }),
      () => dispatch({ type: "summaryArrived", requestId: request.id, result: null }),
    );
  }, [request, dispatch]);
}

export interface OrderToPlace {
  details: CheckoutDetails;
  method: ShippingMethodId;
  card: CardToken;
}

/** Places the order; `placing` stays true until the order page has replaced this one. */
export function usePlaceOrder(dispatch: Dispatch<CheckoutAction>): {
  placing: boolean;
  place: (order: OrderToPlace) => void;
} {
  const [placing, startPlacing] = useTransition();
  const attempt = useRef<Attempt | null>(null);

  const place = ({ details, method, card }: OrderToPlace) => {
    if (placing) return;
    const request = {
      email: details.email,
      address: details.address,
      shippingMethod: method,
      paymentToken: card.token,
    };
    attempt.current = attemptFor(attempt.current, request);
    const input = { ...request, idempotencyKey: attempt.current.key };
    dispatch({ type: "placing" });
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
          dispatch({ type: "placeUnconfirmed" });
          return;
        }
        // The action only returns when the order was not placed.
        dispatch({ type: "placeRefused", problem: result.problem });
        return;
      }
    });
  };

  return { placing, place };
}
