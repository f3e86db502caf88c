import { describe, expect, it } from "vitest";
import { parsePrometheusText } from "./prometheus-text";

const TEXT = `# HELP outbox_waiting_messages Outbox rows written but not yet published
# TYPE outbox_waiting_messages gauge
outbox_waiting_messages{outbox="orders",service="orders"} 3
outbox_oldest_waiting_age_seconds{outbox="orders",service="orders"} 12.5
circuit_breaker_state{dependency="psp",service="payment"} 2
event_consumer_lag_messages{group="orders-saga",topic="payments",partition="0",service="orders"} 7
odd_label{text="a \\"quoted\\" word, and {braces}"} 1
not a sample line
bad_value{x="y"} many
`;

describe("reading /metrics", () => {
  it("reads each sample's name, labels and value", () => {
    expect(parsePrometheusText(TEXT).slice(0, 4)).toEqual([
      { name: "outbox_waiting_messages", labels: { outbox: "orders", service: "orders" }, value: 3 },
      {
        name: "outbox_oldest_waiting_age_seconds",
        labels: { outbox: "orders", service: "orders" },
        value: 12.5,
      },
      { name: "circuit_breaker_state", labels: { dependency: "psp", service: "payment" }, value: 2 },
      {
        name: "event_consumer_lag_messages",
        labels: { group: "orders-saga", topic: "payments", partition: "0", service: "orders" },
        value: 7,
      },
    ]);
  });

  it("keeps quoted label values whole and skips lines that are not samples", () => {
    const samples = parsePrometheusText(TEXT);
    expect(samples.find((s) => s.name === "odd_label")?.labels).toEqual({
      text: 'a "quoted" word, and {braces}',
    });
    expect(samples.map((s) => s.name)).not.toContain("bad_value");
    expect(samples.map((s) => s.name)).not.toContain("not");
  });

  it("keeps only the families asked for", () => {
    const samples = parsePrometheusText(TEXT, new Set(["circuit_breaker_state"]));
    expect(samples.map((s) => s.name)).toEqual(["circuit_breaker_state"]);
  });
});
