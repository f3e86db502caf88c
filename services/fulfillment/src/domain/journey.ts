// The simulated carrier's journey of a parcel, one step at a time:
// LABEL_CREATED → IN_TRANSIT → OUT_FOR_DELIVERY → DELIVERED. Each step says what changes and which
// facts are announced; the carrier loop applies it under a row lock.

export const MOVING_STATUSES = ["LABEL_CREATED", "IN_TRANSIT", "OUT_FOR_DELIVERY"] as const;
export type MovingStatus = (typeof MOVING_STATUSES)[number];
export type TrackedStatus = MovingStatus | "DELIVERED";

export type Announcement = "shipped" | "progressed" | "delivered";

export interface Step {
  from: MovingStatus;
  to: TrackedStatus;
  /** The parcel left the warehouse with this step. */
  ships: boolean;
  /** The parcel arrived with this step: no further steps. */
  delivers: boolean;
  /** Facts to publish, in this order. */
  announce: readonly Announcement[];
}

const STEPS: Record<MovingStatus, Step> = {
  LABEL_CREATED: {
    from: "LABEL_CREATED",
    to: "IN_TRANSIT",
    ships: true,
    delivers: false,
    announce: ["shipped", "progressed"],
  },
  IN_TRANSIT: {
    from: "IN_TRANSIT",
    to: "OUT_FOR_DELIVERY",
    ships: false,
    delivers: false,
    announce: ["progressed"],
  },
  OUT_FOR_DELIVERY: {
    from: "OUT_FOR_DELIVERY",
    to: "DELIVERED",
    ships: false,
    delivers: true,
    announce: ["progressed", "delivered"],
  },
};

export function isMoving(status: string): status is MovingStatus {
  return (MOVING_STATUSES as readonly string[]).includes(status);
}

/** The next step of a parcel in `status`, or null when it has none (delivered, or not yet labelled). */
export function nextStep(status: string): Step | null {
  return isMoving(status) ? STEPS[status] : null;
}
