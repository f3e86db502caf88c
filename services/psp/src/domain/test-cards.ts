// The simulator's test card numbers, like a real provider's sandbox: any other valid number succeeds.

export type CardBehaviour =
  | { kind: "approve" }
  | { kind: "decline"; code: string; message: string }
  /** Answers 500 until the same idempotency key has been tried `failures` times, then approves. */
  | { kind: "processing-error"; failures: number }
  /** Authorizes, but every capture of the authorization is refused. */
  | { kind: "capture-fails" };

export const TEST_CARDS = {
  success: "4242424242424242",
  declined: "4000000000000002",
  insufficientFunds: "4000000000009995",
  processingError: "4000000000000119",
  captureFails: "4000000000000341",
} as const;

const BEHAVIOURS: Record<string, CardBehaviour> = {
  [TEST_CARDS.declined]: { kind: "decline", code: "card_declined", message: "The card was declined." },
  [TEST_CARDS.insufficientFunds]: {
    kind: "decline",
    code: "insufficient_funds",
    message: "The card has insufficient funds.",
  },
  [TEST_CARDS.processingError]: { kind: "processing-error", failures: 2 },
  [TEST_CARDS.captureFails]: { kind: "capture-fails" },
};

export function behaviourOf(cardNumber: string): CardBehaviour {
  return BEHAVIOURS[cardNumber] ?? { kind: "approve" };
}
