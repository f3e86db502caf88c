// What one saga step tells the metrics, from the facts stored before it and the event it answers: the
// command that event replies to and how long ago that command was sent (its time is a stored fact,
// so a restart between command and reply loses nothing), and why an order was cancelled, as one of a
// few fixed reasons (cancel reasons themselves are sentences for people, and staff type their own).
import type { SagaEvent, SagaFacts } from "./saga";

export const SAGA_STEPS = ["reserve", "authorize", "commit", "ship", "capture", "refund", "release"] as const;
export type SagaStepName = (typeof SAGA_STEPS)[number];

export const CANCEL_REASONS = [
  "out_of_stock",
  "expired",
  "payment_declined",
  "payment_failed",
  "staff",
  "other",
] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

export interface StepLatency {
  step: SagaStepName;
  seconds: number;
}

/**
 * The step `event` answers and the time since its command was sent, or null when the event answers no
 * command of ours (a carrier's progress) or its step was answered before. `placedAt` is when the order
 * was written with its reserve command.
 */
export function stepLatency(
  event: SagaEvent,
  before: SagaFacts,
  placedAt: Date,
  now: Date,
): StepLatency | null {
  const since = (step: SagaStepName, sentAt: string | Date | undefined): StepLatency | null => {
    if (sentAt === undefined) return null;
    const seconds = (now.getTime() - new Date(sentAt).getTime()) / 1000;
    return seconds >= 0 ? { step, seconds } : null;
  };
  switch (event.type) {
    case "inventory.reserved.v1":
      return before.reservedAt ? null : since("reserve", placedAt);
    case "inventory.rejected.v1":
      // Before payment it answers the reservation; after, the commit that found the hold gone.
      if (!before.authorizedAt)
        return before.reservedAt || before.cancelledAt ? null : since("reserve", placedAt);
      return before.committedAt ? null : since("commit", before.shipRequestedAt);
    case "inventory.committed.v1":
      return before.committedAt ? null : since("commit", before.shipRequestedAt);
    case "inventory.released.v1":
      return since("release", before.releaseRequestedAt);
    case "payment.authorized.v1":
    case "payment.declined.v1":
      return before.authorizedAt ? null : since("authorize", before.authorizeRequestedAt);
    case "payment.failed.v1":
      if (event.operation === "authorize")
        return before.authorizedAt ? null : since("authorize", before.authorizeRequestedAt);
      if (event.operation === "capture")
        return before.capturedAt ? null : since("capture", before.captureRequestedAt);
      return since("refund", before.refundInFlight?.requestedAt ?? before.refundRequestedAt);
    case "payment.captured.v1":
      return before.capturedAt ? null : since("capture", before.captureRequestedAt);
    case "payment.refunded.v1":
      return since("refund", before.refundInFlight?.requestedAt ?? before.refundRequestedAt);
    case "fulfillment.shipped.v1":
      return before.shippedAt ? null : since("ship", before.shipRequestedAt);
    default:
      return null;
  }
}

/** Why the step that cancelled an order did so, as a fixed reason. */
export function cancelReasonOf(event: SagaEvent): CancelReason {
  switch (event.type) {
    case "inventory.rejected.v1":
      return "out_of_stock";
    case "inventory.released.v1":
      return "expired";
    case "payment.declined.v1":
      return "payment_declined";
    case "payment.failed.v1":
      return "payment_failed";
    case "staff.cancel":
      return "staff";
    default:
      return "other";
  }
}
