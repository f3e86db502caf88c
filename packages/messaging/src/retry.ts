// Retry timing: capped exponential backoff with full jitter, and the delays a failed message waits
// before it is tried again (after the last one it is dead-lettered).

export interface RetryPolicy {
  /** Wait before each retry; its length is the number of retries after the first delivery. */
  delaysMs: readonly number[];
}

export const DEFAULT_RETRY: RetryPolicy = { delaysMs: [500, 2_000, 8_000, 30_000] };

/** For work that must not be abandoned (capturing or refunding money already promised): ~2 hours. */
export const PERSISTENT_RETRY: RetryPolicy = {
  delaysMs: [1_000, 5_000, 15_000, 60_000, 300_000, 600_000, 1_800_000, 3_600_000],
};

export function maxDeliveries(policy: RetryPolicy): number {
  return policy.delaysMs.length + 1;
}

/** Delay before retry number `attempt` (1-based), or null when the message should be dead-lettered. */
export function retryDelay(policy: RetryPolicy, attempt: number): number | null {
  return policy.delaysMs[attempt - 1] ?? null;
}

/** Exponential backoff with full jitter: random in [0, min(cap, base·2^n)]. */
export function backoff(
  attempt: number,
  baseMs: number,
  capMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(random() * ceiling);
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
