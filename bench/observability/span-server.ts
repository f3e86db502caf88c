// The server of `npm run tracing:floor` (bench/observability/tracing-floor.ts): answers every request
// with the same 2 KB of JSON after one await, as a cached catalog answer is, wrapped as `mode` says —
// "off": inServerSpan with tracing not started (what a service does with TRACING_EXPORTER=none);
// "context": tracing started, the answer only run in an OpenTelemetry context (AsyncLocalStorage, no
// span); "span": tracing started, inServerSpan as every service request runs, at the sampling ratio.
// Spans go to memory and are dropped every second, so no exporter or backend is in the figure.
import http from "node:http";
import { context, createContextKey, ROOT_CONTEXT } from "@opentelemetry/api";
import { InMemorySpanExporter } from "@opentelemetry/sdk-trace-base";
import { inServerSpan, startTracing } from "@emporium/observability";

const [mode = "off", port = "0", ratio = "0.1"] = process.argv.slice(2);
if (mode !== "off") {
  const spans = new InMemorySpanExporter();
  await startTracing({ service: "floor", exporter: "none", sampleRatio: Number(ratio), spanExporter: spans });
  setInterval(() => spans.reset(), 1000).unref();
}
const key = createContextKey("floor");
const items = Array.from({ length: 24 }, (_, i) => ({ id: i, name: `Product ${i}`, price: 1999 + i }));
const body = Buffer.from(JSON.stringify({ result: { data: { items } } }));

async function answer(res: http.ServerResponse): Promise<void> {
  await Promise.resolve();
  res.writeHead(200, { "content-type": "application/json", "content-length": body.length });
  res.end(body);
}

http
  .createServer((req, res) => {
    const run =
      mode === "context"
        ? context.with(ROOT_CONTEXT.setValue(key, req.url), () => answer(res))
        : inServerSpan(req, res, "/trpc", () => answer(res));
    run.catch((err: unknown) => console.error(err));
  })
  .listen(Number(port), "127.0.0.1", () => console.log("ready"));
process.on("SIGTERM", () => process.exit(0));
