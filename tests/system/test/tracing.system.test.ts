// OpenTelemetry traces through the whole platform into a real Zipkin (issue 16, item 4): every process
// of the stack exports to the Zipkin at TEST_ZIPKIN_URL with every trace sampled; an order placed
// through the API and delivered leaves one trace — found by the traceparent its outbox rows hold —
// that has spans from orders, inventory, payment and fulfillment, in which every consumer span is the
// child of the producer span that sent its message, and the fulfillment's shipping runs back through
// payment and inventory to the placeOrder request, read through Zipkin's HTTP API.
import { realServer, waitFor, type ZipkinSpan } from "@emporium/testkit";
import { expect, it } from "vitest";
import { buy, CARDS, describeSystem, stockedVariants, tokenize, waitTerminal } from "../src";
import type { ServiceName } from "../src/stack";

const SUITE = "traces in a real Zipkin";
const zipkin = realServer("TEST_ZIPKIN_URL", `system: ${SUITE}`);
const zipkinUrl = (zipkin.url ?? "").replace(/\/$/, "");

const TRACED: readonly ServiceName[] = ["psp", "catalog", "orders", "inventory", "payment", "fulfillment"];
const tracingEnv = {
  TRACING_EXPORTER: "zipkin",
  TRACING_ENDPOINT: `${zipkinUrl}/api/v2/spans`,
  TRACING_SAMPLE_RATIO: "1",
};

async function zipkinTrace(traceId: string): Promise<ZipkinSpan[]> {
  const res = await fetch(`${zipkinUrl}/api/v2/trace/${traceId}`);
  if (res.status === 404) return [];
  if (!res.ok) throw new Error(`Zipkin answered ${res.status} for trace ${traceId}`);
  return (await res.json()) as ZipkinSpan[];
}

const serviceOf = (s: ZipkinSpan | undefined) => s?.localEndpoint?.serviceName ?? "?";
const describeSpan = (s: ZipkinSpan) => `${serviceOf(s)}: ${s.kind ?? "-"} ${s.name}`;

describeSystem(
  SUITE,
  {
    products: 30,
    carrierStepMs: 100,
    env: Object.fromEntries(TRACED.map((name) => [name, tracingEnv])),
  },
  (platform) => {
    it("holds one trace per order across every service, each message's consumer a child of its sender", async () => {
      const stack = platform();
      const [variant] = await stockedVariants(stack, 1);
      const placed = await buy(
        stack,
        [{ variantId: variant!.id, quantity: 1 }],
        await tokenize(stack.pspUrl, CARDS.approve),
      );
      expect(await waitTerminal(stack, [placed.orderId])).toEqual({ DELIVERED: 1 });

      // The order's trace: the one its first outbox row (order.placed, written by placeOrder) continues.
      const [row] = await stack.db.sql.query<{ traceparent: string | null }>(
        `SELECT payload->>'traceparent' AS traceparent FROM orders.outbox
          WHERE aggregate_id = $1 ORDER BY seq LIMIT 1`,
        [placed.orderId],
      );
      const traceId = /^00-([0-9a-f]{32})-[0-9a-f]{16}-01$/.exec(row?.traceparent ?? "")?.[1];
      expect(
        traceId,
        `the order's outbox row holds a sampled traceparent (${row?.traceparent})`,
      ).toBeDefined();

      // Spans reach Zipkin in batches (every few seconds per process): wait until the shipment's
      // consumer span, every span between it and the trace's root, and every consumer's parent are there.
      let spans: ZipkinSpan[] = [];
      const shipped = () =>
        spans.find((s) => s.kind === "CONSUMER" && serviceOf(s) === "fulfillment" && /ship/.test(s.name));
      const ancestry = () => {
        const byId = new Map(spans.map((s) => [s.id, s]));
        const chain: ZipkinSpan[] = [];
        for (let s = shipped(); s; s = byId.get(s.parentId ?? "")) chain.push(s);
        return chain;
      };
      await waitFor(
        async () => {
          spans = await zipkinTrace(traceId ?? "");
          const chain = ancestry();
          const ids = new Set(spans.map((s) => s.id));
          const orphans = spans.filter((s) => s.kind === "CONSUMER" && !ids.has(s.parentId ?? ""));
          return chain.length > 0 && chain.at(-1)?.parentId === undefined && orphans.length === 0;
        },
        { timeoutMs: 60_000, intervalMs: 1_000, what: "the order's trace in Zipkin to reach shipping" },
      ).catch((err: unknown) => {
        throw new Error(`${String(err)}; the trace holds: ${spans.map(describeSpan).join(", ")}`);
      });

      expect(new Set(spans.map((s) => s.traceId))).toEqual(new Set([traceId]));
      for (const service of ["orders", "inventory", "payment", "fulfillment"])
        expect(spans.map(serviceOf), `spans from ${service}`).toContain(service);

      // Every consumer span's parent is the producer span that sent the same message.
      const byId = new Map(spans.map((s) => [s.id, s]));
      const consumers = spans.filter((s) => s.kind === "CONSUMER");
      expect(consumers.length).toBeGreaterThanOrEqual(6);
      for (const consumer of consumers) {
        const parent = byId.get(consumer.parentId ?? "");
        expect(parent?.kind, `parent of ${describeSpan(consumer)}`).toBe("PRODUCER");
        expect(parent?.tags?.["messaging.destination.name"]).toBe(
          consumer.tags?.["messaging.destination.name"],
        );
        expect(parent?.tags?.["messaging.message.id"]).toBe(consumer.tags?.["messaging.message.id"]);
      }

      // From the shipment back to the request: through payment and inventory, to placeOrder's server span.
      const chain = ancestry();
      const path = chain.map(describeSpan);
      const root = chain.at(-1);
      // (Zipkin keeps span names in lower case.)
      expect(root && describeSpan(root)).toBe("orders: SERVER trpc checkout.placeorder");
      const consumedBy = new Set(chain.filter((s) => s.kind === "CONSUMER").map(serviceOf));
      for (const service of ["orders", "inventory", "payment", "fulfillment"])
        expect([...consumedBy], `a consumer span in ${service} on ${path.join(" ← ")}`).toContain(service);
    });
  },
  [zipkin],
);
