// kafkajs 2.2.4 (its latest release) re-arms the pending-request check of every broker connection with
// a timer of "throttledUntil - now" — negative, so 1 ms, when nothing is throttled — whether or not a
// request is pending: each connection spins a timer every millisecond for as long as it lives (upstream
// issues 1556 and 1704, unreleased fixes). Profiling the saga showed it among each service's top costs.
// This replaces that one method with the intended rule: schedule a check only while requests wait,
// after the throttle ends or after the library's 10 ms otherwise. Applied once, when this module loads.
import { createRequire } from "node:module";

const CHECK_PENDING_REQUESTS_INTERVAL_MS = 10;

interface RequestQueueState {
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  pending: unknown[];
  checkPendingRequests(): void;
}

interface RequestQueueClass {
  prototype: { scheduleCheckPendingRequests(this: RequestQueueState): void };
}

function isRequestQueueClass(value: unknown): value is RequestQueueClass {
  if (typeof value !== "function") return false;
  const proto: unknown = value.prototype;
  return (
    typeof proto === "object" &&
    proto !== null &&
    "scheduleCheckPendingRequests" in proto &&
    typeof proto.scheduleCheckPendingRequests === "function"
  );
}

function scheduleCheckPendingRequests(this: RequestQueueState): void {
  if (this.throttleCheckTimeoutId) return;
  const untilUnthrottled = this.throttledUntil - Date.now();
  // Nothing waiting and no throttle: the next push or answer checks the queue itself.
  if (this.pending.length === 0 && untilUnthrottled <= 0) return;
  this.throttleCheckTimeoutId = setTimeout(
    () => {
      this.throttleCheckTimeoutId = null;
      this.checkPendingRequests();
    },
    untilUnthrottled > 0 ? untilUnthrottled : CHECK_PENDING_REQUESTS_INTERVAL_MS,
  );
}

const loaded: unknown = createRequire(import.meta.url)("kafkajs/src/network/requestQueue/index.js");
if (!isRequestQueueClass(loaded))
  throw new Error("kafkajs RequestQueue has changed shape; review request-queue-fix.ts for this version");
loaded.prototype.scheduleCheckPendingRequests = scheduleCheckPendingRequests;

/** The patched method, for the test that checks it is in place. */
export const patchedScheduleCheckPendingRequests = scheduleCheckPendingRequests;
