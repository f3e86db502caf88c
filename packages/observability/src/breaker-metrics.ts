// Circuit breakers as operators see them: each outbound dependency's breaker state (0 closed,
// 1 half-open, 2 open) and the calls it refused while open. One pair of series per process, labelled by
// the dependency's fixed name ("payment-provider", "catalog", "document-store"…), never by an id.
import { Counter, Gauge, type Registry } from "prom-client";

/** What is read of an opossum CircuitBreaker (structurally, so this package needs no opossum). */
export interface ObservedBreaker {
  on(event: "open" | "halfOpen" | "close" | "reject", listener: () => void): unknown;
  readonly opened: boolean;
  readonly halfOpen: boolean;
}

export const BREAKER_STATE = { closed: 0, "half-open": 1, open: 2 } as const;

interface BreakerSeries {
  state: Gauge<"dependency">;
  rejections: Counter<"dependency">;
}

const series = new WeakMap<Registry, BreakerSeries>();

function seriesOf(registry: Registry): BreakerSeries {
  let s = series.get(registry);
  if (!s) {
    s = {
      state: new Gauge({
        name: "circuit_breaker_state",
        help: "Circuit breaker state per dependency: 0 closed, 1 half-open, 2 open",
        labelNames: ["dependency"],
        registers: [registry],
      }),
      rejections: new Counter({
        name: "circuit_breaker_rejections_total",
        help: "Calls refused at once by an open circuit breaker, per dependency",
        labelNames: ["dependency"],
        registers: [registry],
      }),
    };
    series.set(registry, s);
  }
  return s;
}

/**
 * Measures `breaker` on `registry` as `dependency`: its state follows the breaker's open, halfOpen and
 * close events, and each call it rejects while open is counted. Both series exist from the start
 * (closed, no rejections), so a dashboard shows the dependency before anything goes wrong.
 */
export function measureBreaker(registry: Registry, dependency: string, breaker: ObservedBreaker): void {
  const { state, rejections } = seriesOf(registry);
  const labels = { dependency };
  const set = (to: keyof typeof BREAKER_STATE) => state.set(labels, BREAKER_STATE[to]);
  set(breaker.opened ? "open" : breaker.halfOpen ? "half-open" : "closed");
  rejections.inc(labels, 0);
  breaker.on("open", () => set("open"));
  breaker.on("halfOpen", () => set("half-open"));
  breaker.on("close", () => set("closed"));
  breaker.on("reject", () => rejections.inc(labels));
}
