import { describe, expect, it } from "vitest";
import { backoff, maxDeliveries, retryDelay } from "./retry";

describe("retry timing", () => {
  it("dead-letters after the last delay", () => {
    const policy = { delaysMs: [100, 400] };
    expect(maxDeliveries(policy)).toBe(3);
    expect(retryDelay(policy, 1)).toBe(100);
    expect(retryDelay(policy, 2)).toBe(400);
    expect(retryDelay(policy, 3)).toBeNull();
  });

  it("backs off exponentially under a cap, jittered", () => {
    expect(backoff(1, 100, 5000, () => 1)).toBe(100);
    expect(backoff(4, 100, 5000, () => 1)).toBe(800);
    expect(backoff(20, 100, 5000, () => 1)).toBe(5000);
    expect(backoff(4, 100, 5000, () => 0.5)).toBe(400);
    expect(backoff(4, 100, 5000, () => 0)).toBe(0);
  });
});
