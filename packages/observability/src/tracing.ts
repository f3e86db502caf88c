// OpenTelemetry tracing, started once per process before it takes work (startTracing). Most spans are
// made here, by the shared plumbing, rather than by auto-instrumentation: the services run as esbuild
// bundles in ES modules, where require hooks never see their imports. What is traced:
//   - every tRPC request a service serves (a SERVER span continuing the caller's traceparent header),
//   - every outbox row published (a PRODUCER span, child of the span that wrote the row),
//   - every message handled (a CONSUMER span, child of the producer span, from the message's headers),
//   - every outgoing fetch (a CLIENT span, its traceparent sent with the request): OpenTelemetry's undici
//     instrumentation, which listens on Node's diagnostics channels rather than hooking require, so it
//     works in bundles and in the Next.js apps alike.
// Off (the default), nothing of the SDK is loaded and every helper runs its function bare.
import {
  context,
  isSpanContextValid,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type HrTime,
  type Span,
  type Tracer,
} from "@opentelemetry/api";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";

export const TRACE_EXPORTERS = ["none", "zipkin", "otlp"] as const;
export type TraceExporter = (typeof TRACE_EXPORTERS)[number];

export interface TracingOptions {
  /** The service name spans are reported under. */
  service: string;
  exporter: TraceExporter;
  /** Where spans go: Zipkin's /api/v2/spans, or an OTLP/HTTP collector's /v1/traces (the exporter's default when left out). */
  endpoint?: string | undefined;
  /** The share of new traces recorded (0–1); a continued trace follows its caller's decision. */
  sampleRatio: number;
  /** Replaces the exporter (tests and benches hold the spans in memory). */
  spanExporter?: SpanExporter;
}

interface Running {
  tracer: Tracer;
  shutdown(): Promise<void>;
}

let running: Running | null = null;

export function tracingEnabled(): boolean {
  return running !== null;
}

/**
 * Starts tracing for this process as `options` say: with exporter "none" (and no spanExporter) it does
 * nothing at all. Call once, first thing in a composition root; onShutdown (@emporium/runtime) flushes.
 */
export async function startTracing(options: TracingOptions): Promise<void> {
  if (running) throw new Error("tracing is already started in this process");
  if (options.exporter === "none" && !options.spanExporter) return;
  const [{ NodeTracerProvider }, base, { resourceFromAttributes }, { W3CTraceContextPropagator }] =
    await Promise.all([
      import("@opentelemetry/sdk-trace-node"),
      import("@opentelemetry/sdk-trace-base"),
      import("@opentelemetry/resources"),
      import("@opentelemetry/core"),
    ]);
  const exporter = options.spanExporter ?? wholeMicroseconds(await exporterFor(options));
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": options.service }),
    sampler: new base.ParentBasedSampler({ root: new base.TraceIdRatioBasedSampler(options.sampleRatio) }),
    spanProcessors: [
      options.spanExporter ? new base.SimpleSpanProcessor(exporter) : new base.BatchSpanProcessor(exporter),
    ],
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  const [{ registerInstrumentations }, { UndiciInstrumentation }] = await Promise.all([
    import("@opentelemetry/instrumentation"),
    import("@opentelemetry/instrumentation-undici"),
  ]);
  const stopInstrumenting = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [new UndiciInstrumentation()],
  });
  running = {
    tracer: provider.getTracer("@emporium/observability"),
    async shutdown() {
      stopInstrumenting();
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

async function exporterFor(options: TracingOptions): Promise<SpanExporter> {
  const url = options.endpoint;
  if (options.exporter === "zipkin") {
    const { ZipkinExporter } = await import("@opentelemetry/exporter-zipkin");
    return new ZipkinExporter({ serviceName: options.service, ...(url ? { url } : {}) });
  }
  const { OTLPTraceExporter } = await import("@opentelemetry/exporter-trace-otlp-http");
  return new OTLPTraceExporter(url ? { url } : {});
}

/** A time rounded to the microsecond. */
function toMicrosecond([seconds, nanos]: HrTime): HrTime {
  const whole = Math.round(nanos / 1_000) * 1_000;
  return whole >= 1e9 ? [seconds + 1, whole - 1e9] : [seconds, whole];
}

/**
 * Hands `exporter` spans whose times are whole microseconds. Next.js stamps its spans with fractions of
 * a microsecond, which Zipkin refuses — and with them the whole batch, the backends' spans included.
 */
export function wholeMicroseconds(exporter: SpanExporter): SpanExporter {
  const rounded = (span: ReadableSpan): ReadableSpan =>
    Object.create(span, {
      startTime: { value: toMicrosecond(span.startTime) },
      endTime: { value: toMicrosecond(span.endTime) },
      duration: { value: toMicrosecond(span.duration) },
    }) as ReadableSpan;
  return {
    export: (spans, done) => exporter.export(spans.map(rounded), done),
    shutdown: () => exporter.shutdown(),
    forceFlush: () => exporter.forceFlush?.() ?? Promise.resolve(),
  };
}

/** Sends the spans still buffered and stops tracing (no-op when off). */
export async function stopTracing(): Promise<void> {
  const r = running;
  running = null;
  await r?.shutdown();
}

/** The W3C traceparent of a span context, or undefined when there is no valid span in `ctx`. */
function traceparentIn(ctx: Context): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return carrier.traceparent;
}

function parentContext(traceparent: string | undefined): Context {
  return traceparent ? propagation.extract(ROOT_CONTEXT, { traceparent }) : ROOT_CONTEXT;
}

function failed(span: Span, err: unknown): void {
  span.recordException(err instanceof Error ? err : String(err));
  span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.message : String(err) });
}

async function inSpan<T>(
  tracer: Tracer,
  name: string,
  kind: SpanKind,
  parent: Context,
  attributes: Attributes,
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  const span = tracer.startSpan(name, { kind, attributes }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => fn(span));
  } catch (err) {
    failed(span, err);
    throw err;
  } finally {
    span.end();
  }
}

/** The traceparent of the active span (the request or message being handled), when tracing is on. */
export function activeTraceparent(): string | undefined {
  return running ? traceparentIn(context.active()) : undefined;
}

/**
 * The trace id of the span active here, whoever started it: read through OpenTelemetry's global API
 * rather than this module's state, because a Next.js app's routes run in bundles with their own copy of
 * this module while the tracer provider is registered (process-wide) by its instrumentation. Undefined
 * when tracing is off or no span is active.
 */
export function activeTraceId(): string | undefined {
  const span = trace.getActiveSpan()?.spanContext();
  return span && isSpanContextValid(span) ? span.traceId : undefined;
}

/** The part of an HTTP answer a server span reads: its status, and when it has gone. */
export interface ServerAnswer {
  statusCode: number;
  once(event: "close", listener: () => void): unknown;
}

/**
 * Runs `handle` (which answers `res`) in a SERVER span that continues the caller's `traceparent`
 * header; the span lasts until the answer has gone, and a 5xx marks it failed. It runs on every request
 * of every service, so it adds as few promises as it can: the span is ended by the answer's "close"
 * event rather than awaited (with tracing on, each promise passes through the context's async hooks).
 */
export async function inServerSpan(
  req: { method?: string | undefined; headers: Record<string, string | string[] | undefined> },
  res: ServerAnswer,
  route: string,
  handle: () => unknown,
): Promise<void> {
  if (!running) {
    await handle();
    return;
  }
  const header = req.headers.traceparent;
  const parent = parentContext(Array.isArray(header) ? header[0] : header);
  const method = req.method ?? "GET";
  const span = running.tracer.startSpan(
    `${method} ${route}`,
    { kind: SpanKind.SERVER, attributes: { "http.request.method": method, "http.route": route } },
    parent,
  );
  res.once("close", () => {
    span.setAttribute("http.response.status_code", res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  try {
    await context.with(trace.setSpan(parent, span), handle);
  } catch (err) {
    failed(span, err);
    throw err;
  }
}

/** Names the active span better once it is known which procedure a request runs ("trpc orders.get"). */
export function nameActiveSpan(name: string, attributes: Attributes = {}): void {
  if (!running) return;
  const span = trace.getActiveSpan();
  span?.updateName(name);
  span?.setAttributes(attributes);
}

/** What a message span says about its message. */
export interface MessageSpanInfo {
  /** The topic or queue. */
  destination: string;
  kind: "event" | "command";
  messageId: string;
  type: string;
}

function messageAttributes(m: MessageSpanInfo, operation: "send" | "process"): Attributes {
  return {
    // Events go over Kafka and commands over RabbitMQ, or both in-process in development.
    "emporium.message.kind": m.kind,
    "messaging.operation.type": operation,
    "messaging.destination.name": m.destination,
    "messaging.message.id": m.messageId,
    "emporium.message.type": m.type,
  };
}

export interface ProducerSpan {
  /** The producer span's traceparent, which the message carries in its headers and envelope. */
  traceparent: string | undefined;
  end(error?: unknown): void;
}

/**
 * A PRODUCER span for one message leaving an outbox, child of the span that wrote it (`parent`, the
 * traceparent stored in the row); null when tracing is off.
 */
export function startProducerSpan(parent: string | undefined, message: MessageSpanInfo): ProducerSpan | null {
  if (!running) return null;
  const parentCtx = parentContext(parent);
  const span = running.tracer.startSpan(
    `send ${message.destination}`,
    { kind: SpanKind.PRODUCER, attributes: messageAttributes(message, "send") },
    parentCtx,
  );
  return {
    traceparent: traceparentIn(trace.setSpan(parentCtx, span)),
    end(error?: unknown) {
      if (error !== undefined) failed(span, error);
      span.end();
    },
  };
}

/**
 * Runs `handle` in a CONSUMER span, child of the producer's `parent` traceparent; `handle` gets the
 * consumer span's traceparent, for the messages the handler writes (undefined when tracing is off).
 */
export function inConsumerSpan<T>(
  parent: string | undefined,
  message: MessageSpanInfo & { attempt: number },
  handle: (traceparent: string | undefined) => Promise<T>,
): Promise<T> {
  if (!running) return handle(undefined);
  return inSpan(
    running.tracer,
    `process ${message.destination}`,
    SpanKind.CONSUMER,
    parentContext(parent),
    { ...messageAttributes(message, "process"), "emporium.message.attempt": message.attempt },
    () => handle(traceparentIn(context.active())),
  );
}
