import { EventEmitter } from "node:events";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { context, trace } from "@opentelemetry/api";
import { InMemorySpanExporter } from "@opentelemetry/sdk-trace-base";
import {
  activeTraceId,
  activeTraceparent,
  inConsumerSpan,
  inServerSpan,
  nameActiveSpan,
  startProducerSpan,
  startTracing,
  stopTracing,
  tracingEnabled,
  wholeMicroseconds,
} from "./tracing";

const CALLER = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
const message = {
  destination: "inventory.reserve",
  kind: "command",
  messageId: "m-1",
  type: "x.y.v1",
} as const;

afterEach(() => stopTracing());

/** An HTTP answer that is sent (closes) when `handle` runs, with what `handle` saw. */
async function serve<T>(headers: Record<string, string>, handle: () => Promise<T>): Promise<T | undefined> {
  const res = Object.assign(new EventEmitter(), { statusCode: 200 });
  let seen: T | undefined;
  await inServerSpan({ method: "POST", headers }, res, "/trpc", async () => {
    seen = await handle();
    res.emit("close");
  });
  return seen;
}

/** The headers a local HTTP server saw on one fetch made inside `around` (or bare). */
async function fetchSeen(around: (call: () => Promise<void>) => Promise<unknown> | undefined) {
  let seen: IncomingHttpHeaders = {};
  const server = createServer((req, res) => {
    seen = req.headers;
    res.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const call = async () => {
    await (await fetch(`http://127.0.0.1:${port}/trpc/product.variants`)).text();
  };
  try {
    await (around(call) ?? call());
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  return seen;
}

describe("tracing off (the default)", () => {
  it("runs every function bare and hands on no traceparent", async () => {
    await startTracing({ service: "orders", exporter: "none", sampleRatio: 1 });
    expect(tracingEnabled()).toBe(false);
    const seen = await serve({ traceparent: CALLER }, () =>
      inConsumerSpan(CALLER, { ...message, attempt: 1 }, async (tp) => tp ?? "none"),
    );
    expect(seen).toBe("none");
    expect(startProducerSpan(CALLER, message)).toBeNull();
    expect(activeTraceparent()).toBeUndefined();
    expect(await serve({ traceparent: CALLER }, async () => activeTraceId())).toBeUndefined();
    expect((await fetchSeen(() => undefined)).traceparent).toBeUndefined();
  });
});

describe("tracing on", () => {
  it("links a request, the message it writes, its publication and its consumer in one trace", async () => {
    const spans = new InMemorySpanExporter();
    await startTracing({ service: "orders", exporter: "none", sampleRatio: 1, spanExporter: spans });
    // The request writes the traceparent of its own span into the outbox row.
    const written = await serve({ traceparent: CALLER }, async () => {
      nameActiveSpan("trpc checkout.placeOrder");
      return activeTraceparent();
    });
    const producer = startProducerSpan(written, message);
    producer?.end();
    const handed = await inConsumerSpan(producer?.traceparent, { ...message, attempt: 1 }, async (tp) => tp);

    const [server, send, process] = spans.getFinishedSpans();
    const traceId = CALLER.split("-")[1];
    expect(server?.name).toBe("trpc checkout.placeOrder");
    expect(server?.parentSpanContext?.spanId).toBe("b7ad6b7169203331");
    expect(send?.name).toBe("send inventory.reserve");
    expect(send?.parentSpanContext?.spanId).toBe(server?.spanContext().spanId);
    expect(process?.name).toBe("process inventory.reserve");
    expect(process?.parentSpanContext?.spanId).toBe(send?.spanContext().spanId);
    for (const span of [server, send, process]) expect(span?.spanContext().traceId).toBe(traceId);
    expect(handed).toBe(`00-${traceId}-${process?.spanContext().spanId}-01`);
  });

  it("names the active trace to log lines, also where the span was started outside this module", async () => {
    await startTracing({
      service: "web",
      exporter: "none",
      sampleRatio: 0,
      spanExporter: new InMemorySpanExporter(),
    });
    // As in a Next.js app: the framework starts the request's span through the global API.
    const nextSpan = trace.getTracer("next.js").startSpan("GET /p/[slug]");
    const seen = context.with(trace.setSpan(context.active(), nextSpan), () => activeTraceId());
    nextSpan.end();
    expect(seen).toBe(nextSpan.spanContext().traceId);
    expect(await serve({ traceparent: CALLER }, async () => activeTraceId())).toBe(CALLER.split("-")[1]);
    expect(activeTraceId()).toBeUndefined();
  });

  it("marks a failed handler's span and rethrows", async () => {
    const spans = new InMemorySpanExporter();
    await startTracing({ service: "payment", exporter: "none", sampleRatio: 1, spanExporter: spans });
    await expect(
      inConsumerSpan(CALLER, { ...message, attempt: 2 }, () => Promise.reject(new Error("provider down"))),
    ).rejects.toThrow("provider down");
    const [span] = spans.getFinishedSpans();
    expect(span?.status).toMatchObject({ code: 2, message: "provider down" });
    expect(span?.attributes["emporium.message.attempt"]).toBe(2);
  });

  it("records no new trace at ratio 0 but still hands the caller's decision on", async () => {
    const spans = new InMemorySpanExporter();
    await startTracing({ service: "orders", exporter: "none", sampleRatio: 0, spanExporter: spans });
    const unsampled = await serve({}, async () => activeTraceparent());
    expect(unsampled).toMatch(/-00$/);
    await serve({ traceparent: CALLER }, async () => undefined);
    expect(spans.getFinishedSpans().map((s) => s.spanContext().traceId)).toEqual([CALLER.split("-")[1]]);
  });

  it("traces an outgoing fetch as a client span whose traceparent the callee receives", async () => {
    const spans = new InMemorySpanExporter();
    await startTracing({ service: "orders", exporter: "none", sampleRatio: 1, spanExporter: spans });
    const seen = await fetchSeen((call) => serve({ traceparent: CALLER }, call));
    const server = spans.getFinishedSpans().find((s) => s.kind === 1);
    const client = spans.getFinishedSpans().find((s) => s.kind === 2);
    expect(client?.parentSpanContext?.spanId).toBe(server?.spanContext().spanId);
    expect(client?.spanContext().traceId).toBe(CALLER.split("-")[1]);
    expect(seen.traceparent).toBe(`00-${CALLER.split("-")[1]}-${client?.spanContext().spanId}-01`);
  });

  it("hands the exporter whole microseconds, as Zipkin takes them, for spans stamped in fractions", async () => {
    const spans = new InMemorySpanExporter();
    await startTracing({ service: "web", exporter: "none", sampleRatio: 1, spanExporter: spans });
    // As Next.js stamps its spans: performance.now() milliseconds, fractions of a microsecond included.
    const started = 1_796_641_514_292.8458;
    trace
      .getTracer("next.js")
      .startSpan("render route", { startTime: started })
      .end(started + 2.1704);
    const kept = new InMemorySpanExporter();
    const [span] = spans.getFinishedSpans();
    if (!span) throw new Error("no span");
    expect(span.startTime[1] % 1_000).not.toBe(0);
    wholeMicroseconds(kept).export([span], () => undefined);
    const [sent] = kept.getFinishedSpans();
    for (const time of [sent?.startTime, sent?.endTime, sent?.duration])
      expect((time?.[1] ?? 1) % 1_000).toBe(0);
    expect(sent?.startTime[0]).toBe(span.startTime[0]);
    expect(sent?.name).toBe("render route");
    expect(sent?.spanContext().spanId).toBe(span.spanContext().spanId);
  });
});
