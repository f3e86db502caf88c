// The payment worker's own Prometheus series, registered in the process's registry. (The breaker to
// the provider is measured by the shared circuit_breaker_state series, dependency "payment-provider".)
import { Counter, Histogram, type Registry } from "prom-client";

export interface PaymentMetrics {
  providerCalls: Counter<"operation" | "outcome">;
  providerCallSeconds: Histogram<"operation">;
  commands: Counter<"command" | "outcome">;
}

export function createPaymentMetrics(registry: Registry): PaymentMetrics {
  const registers = [registry];
  return {
    providerCalls: new Counter({
      name: "payment_provider_calls_total",
      help: "Tries at the payment provider, by operation and outcome (short_circuited: refused by the open breaker)",
      labelNames: ["operation", "outcome"],
      registers,
    }),
    providerCallSeconds: new Histogram({
      name: "payment_provider_call_duration_seconds",
      help: "Duration of tries at the payment provider",
      labelNames: ["operation"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2.5, 5],
      registers,
    }),
    commands: new Counter({
      name: "payment_commands_total",
      help: "Payment commands handled, by command and outcome",
      labelNames: ["command", "outcome"],
      registers,
    }),
  };
}
