// What a payment command should do, given the order's payment as it stands: call the provider, answer
// again what was already answered, refuse with a reason, or wait (try again later). Pure rules over
// plain data; the consumers do the I/O.

export type PaymentStatus =
  "PENDING" | "AUTHORIZED" | "DECLINED" | "CAPTURED" | "REFUNDED" | "PARTIALLY_REFUNDED" | "FAILED";

export interface PaymentState {
  status: PaymentStatus;
  amount: number;
  capturedAmount: number;
  refundedAmount: number;
  providerRef: string | null;
  declineReason: string | null;
}

export type AuthorizeDecision =
  { kind: "call" } | { kind: "answer"; answer: "authorized" | "declined" | "failed" };

/**
 * `attempt` is the shopper's attempt at paying the order (1 for the first card): a later one replaces a
 * declined or failed authorization with a new call; nothing replaces one that succeeded.
 */
export function decideAuthorize(payment: PaymentState | null, attempt = 1): AuthorizeDecision {
  if (!payment || payment.status === "PENDING") return { kind: "call" };
  if (attempt > 1 && refusedAuthorization(payment)) return { kind: "call" };
  switch (payment.status) {
    case "DECLINED":
      return { kind: "answer", answer: "declined" };
    case "FAILED":
      // A payment that failed at capture had been authorized; one that failed at authorize has no ref.
      return { kind: "answer", answer: payment.providerRef ? "authorized" : "failed" };
    default:
      return { kind: "answer", answer: "authorized" };
  }
}

/** An authorization that took nothing: declined, or failed before the provider held any money. */
export function refusedAuthorization(payment: PaymentState): boolean {
  return payment.status === "DECLINED" || (payment.status === "FAILED" && !payment.providerRef);
}

/** No provider call: answer again what is recorded, refuse with a reason, or wait and try again later. */
export type NoCall =
  { kind: "answer" } | { kind: "refuse"; reason: string } | { kind: "wait"; reason: string };

export type CaptureDecision = { kind: "call"; providerRef: string } | NoCall;

export function decideCapture(payment: PaymentState | null, amount: number): CaptureDecision {
  if (!payment) return { kind: "refuse", reason: "no payment exists for this order" };
  switch (payment.status) {
    case "PENDING":
      return { kind: "wait", reason: "the authorization is still in progress" };
    case "AUTHORIZED":
      if (amount <= 0) return { kind: "refuse", reason: "nothing to capture: the amount is 0" };
      if (amount > payment.amount)
        return { kind: "refuse", reason: `capture of ${amount} exceeds the authorized ${payment.amount}` };
      if (!payment.providerRef)
        return { kind: "refuse", reason: "the authorization has no provider reference" };
      return { kind: "call", providerRef: payment.providerRef };
    case "CAPTURED":
    case "PARTIALLY_REFUNDED":
    case "REFUNDED":
      return payment.capturedAmount > 0
        ? { kind: "answer" }
        : { kind: "refuse", reason: "the authorization was voided; nothing to capture" };
    case "DECLINED":
      return { kind: "refuse", reason: "the payment was declined; nothing to capture" };
    case "FAILED":
      return { kind: "refuse", reason: payment.declineReason ?? "the payment failed" };
  }
}

export type RefundDecision =
  { kind: "call"; mode: "void" | "refund"; refundedSoFar: number; providerRef: string } | NoCall;

/**
 * Refunds are cumulative and never exceed what was captured. An authorization never captured is voided
 * (in full: the hold is released), which is also how one whose capture failed is given back.
 */
export function decideRefund(payment: PaymentState | null, amount: number): RefundDecision {
  if (!payment) return { kind: "refuse", reason: "no payment exists for this order" };
  switch (payment.status) {
    case "PENDING":
      return { kind: "wait", reason: "the authorization is still in progress" };
    case "DECLINED":
      return { kind: "refuse", reason: "the payment was declined; nothing was charged" };
    case "REFUNDED":
      if (amount <= payment.refundedAmount) return { kind: "answer" };
      return { kind: "refuse", reason: `refund of ${amount} exceeds the 0 still refundable (all refunded)` };
    default:
      break;
  }
  const { providerRef } = payment;
  if (!providerRef)
    return { kind: "refuse", reason: `nothing to refund: ${payment.declineReason ?? "the payment failed"}` };
  if (payment.capturedAmount === 0) {
    // Authorized only, or its capture failed: the hold is released in full.
    if (amount > payment.amount)
      return { kind: "refuse", reason: `refund of ${amount} exceeds the authorized ${payment.amount}` };
    return { kind: "call", mode: "void", refundedSoFar: 0, providerRef };
  }
  const refundable = payment.capturedAmount - payment.refundedAmount;
  if (amount <= 0) return { kind: "refuse", reason: "nothing to refund: the amount is 0" };
  if (amount > refundable)
    return {
      kind: "refuse",
      reason:
        `refund of ${amount} exceeds the ${refundable} still refundable ` +
        `(captured ${payment.capturedAmount}, refunded ${payment.refundedAmount})`,
    };
  return { kind: "call", mode: "refund", refundedSoFar: payment.refundedAmount, providerRef };
}

/** The payment after a successful refund (or void) at the provider. */
export function afterRefund(
  payment: PaymentState,
  mode: "void" | "refund",
  amount: number,
): { status: PaymentStatus; refundedAmount: number; refundedNow: number } {
  if (mode === "void")
    return { status: "REFUNDED", refundedAmount: payment.amount, refundedNow: payment.amount };
  const refundedAmount = payment.refundedAmount + amount;
  return {
    status: refundedAmount >= payment.capturedAmount ? "REFUNDED" : "PARTIALLY_REFUNDED",
    refundedAmount,
    refundedNow: amount,
  };
}
