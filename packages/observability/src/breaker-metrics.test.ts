// A real opossum breaker, failed until it opens: the state series follows it through open, half-open
// and closed, and each call refused while open is counted, per dependency.
import CircuitBreaker from "opossum";
import { Registry } from "prom-client";
import { afterEach, describe, expect, it } from "vitest";
import { measureBreaker } from "./breaker-metrics";

async function valueOf(registry: Registry, name: string, dependency: string): Promise<number | undefined> {
  const metric = await registry.getSingleMetric(name)?.get();
  return metric?.values.find((v) => v.labels.dependency === dependency)?.value;
}

describe("measureBreaker", () => {
  const breakers: CircuitBreaker[] = [];
  afterEach(() => {
    for (const b of breakers.splice(0)) b.shutdown();
  });

  it("follows a real breaker forced open, counts its rejections, and sees it close again", async () => {
    let failing = true;
    const breaker = new CircuitBreaker(
      async () => {
        if (failing) throw new Error("dependency down");
        return "ok";
      },
      { errorThresholdPercentage: 50, volumeThreshold: 2, resetTimeout: 200, timeout: false },
    );
    breakers.push(breaker);
    const registry = new Registry();
    measureBreaker(registry, "payment-provider", breaker);

    expect(await valueOf(registry, "circuit_breaker_state", "payment-provider")).toBe(0);
    expect(await valueOf(registry, "circuit_breaker_rejections_total", "payment-provider")).toBe(0);

    for (let i = 0; i < 2; i++) await breaker.fire().catch(() => undefined);
    expect(breaker.opened).toBe(true);
    expect(await valueOf(registry, "circuit_breaker_state", "payment-provider")).toBe(2);

    for (let i = 0; i < 3; i++) await expect(breaker.fire()).rejects.toMatchObject({ code: "EOPENBREAKER" });
    expect(await valueOf(registry, "circuit_breaker_rejections_total", "payment-provider")).toBe(3);

    await new Promise((resolve) => breaker.once("halfOpen", resolve));
    expect(await valueOf(registry, "circuit_breaker_state", "payment-provider")).toBe(1);

    failing = false;
    await breaker.fire();
    expect(await valueOf(registry, "circuit_breaker_state", "payment-provider")).toBe(0);
  });

  it("keeps one pair of series per registry, a label value per dependency", async () => {
    const registry = new Registry();
    const a = new CircuitBreaker(async () => "ok");
    const b = new CircuitBreaker(async () => "ok");
    breakers.push(a, b);
    measureBreaker(registry, "catalog", a);
    measureBreaker(registry, "document-store", b);
    b.open();
    const states = (await registry.getSingleMetric("circuit_breaker_state")?.get())?.values ?? [];
    expect(states.map((v) => [v.labels.dependency, v.value])).toEqual([
      ["catalog", 0],
      ["document-store", 2],
    ]);
  });
});
