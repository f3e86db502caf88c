// The simulator's HTTP surface, its routes on the shared HTTP server (@emporium/runtime/http, which
// adds /readyz, /metrics, keep-alive and the drain). /v1 is the provider API Emporium calls (tokens
// from the browser, authorizations from the payment worker); /_control, /_stats and /_reset are for
// tests and operators: they steer faults and prove how many effects really happened. /healthz is its
// own, so that it carries the simulator's mark like every answer.
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServiceMetrics, type Logger } from "@emporium/observability";
import { createHttpServer, type Routes } from "@emporium/runtime/http";
import {
  controlPatch,
  PspSimulator,
  type PspOperation,
  type Reply,
  type SimulatorOptions,
} from "../app/simulator";

const MAX_BODY_BYTES = 16 * 1024;

class BadBody extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, reply: Reply, closing: AbortSignal): void {
  const text = reply.status === 204 ? "" : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    // Says what this is: the payment worker refuses a simulator in production (services/payment's
    // simulator-guard) unless PAYMENT_ALLOW_SIMULATOR allows it.
    "psp-simulator": "emporium",
    ...(reply.replayed ? { "idempotent-replayed": "true" } : {}),
    // While stopping, a kept-alive socket is closed after its answer instead of idling on.
    ...(closing.aborted ? { connection: "close" } : {}),
  });
  res.end(text);
}

async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new BadBody(413, `body: larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(buf);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BadBody(400, "body: is not valid JSON");
  }
  if (typeof json !== "object" || json === null || Array.isArray(json))
    throw new BadBody(400, "body: must be a JSON object");
  return Object.fromEntries(Object.entries(json));
}

/** Waits `ms`, or less if `signal` aborts first; says whether the full wait happened. */
function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  if (ms <= 0) return Promise.resolve(!signal.aborted);
  return new Promise((resolve) => {
    const done = (full: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
      resolve(full);
    };
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal.addEventListener("abort", onAbort);
  });
}

const AUTHORIZATION_ACTION = /^\/v1\/authorizations\/([A-Za-z0-9_]{1,100})\/(capture|refund)$/;
const AUTHORIZATION = /^\/v1\/authorizations\/([A-Za-z0-9_]{1,100})$/;

/** Which kind of call a /v1 request is, for fault injection aimed at one kind. */
function operationOf(method: string | undefined, path: string): PspOperation {
  if (path === "/v1/tokens") return "tokens";
  if (method === "POST" && path === "/v1/authorizations") return "authorize";
  const action = AUTHORIZATION_ACTION.exec(path)?.[2];
  if (method === "POST" && (action === "capture" || action === "refund")) return action;
  return "read";
}

export function pspRoutes(simulator: PspSimulator, log: Logger, closing: AbortSignal): Routes {
  /** The provider API: latency first, then maybe an injected failure, then the real work. */
  async function v1(req: IncomingMessage, path: string): Promise<Reply> {
    simulator.inFlight++;
    try {
      return await v1Call(req, path);
    } finally {
      simulator.inFlight--;
    }
  }

  async function v1Call(req: IncomingMessage, path: string): Promise<Reply> {
    const body = req.method === "POST" ? await readJsonObject(req) : {};
    const { latencyMs } = simulator.getControl();
    if (!(await pause(latencyMs, closing)))
      return { status: 503, body: { error: { code: "shutting_down", message: "the provider is stopping" } } };
    const failure = simulator.injectedFailure(operationOf(req.method, path));
    if (failure) return failure;
    const key = req.headers["idempotency-key"];
    const idempotencyKey = Array.isArray(key) ? key[0] : key;
    if (req.method === "GET" && path === "/v1/health") return { status: 200, body: { status: "ok" } };
    if (req.method === "POST" && path === "/v1/tokens") return simulator.createToken(body);
    if (req.method === "POST" && path === "/v1/authorizations")
      return simulator.authorize(idempotencyKey, body);
    const action = AUTHORIZATION_ACTION.exec(path);
    if (req.method === "POST" && action?.[1] && action[2] === "capture")
      return simulator.capture(idempotencyKey, action[1], body);
    if (req.method === "POST" && action?.[1] && action[2] === "refund")
      return simulator.refund(idempotencyKey, action[1], body);
    const one = AUTHORIZATION.exec(path);
    if (req.method === "GET" && one?.[1]) return simulator.getAuthorization(one[1]);
    return {
      status: 404,
      body: { error: { code: "not_found", message: `no route for ${req.method} ${path}` } },
    };
  }

  async function admin(req: IncomingMessage, path: string, search: URLSearchParams): Promise<Reply> {
    if (path === "/_control" && req.method === "GET") return { status: 200, body: simulator.getControl() };
    if (path === "/_control" && req.method === "PUT") {
      const parsed = controlPatch.safeParse(await readJsonObject(req));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = String(issue?.path[0] ?? "body");
        return {
          status: 400,
          body: { error: { field, message: `${field}: ${issue?.message ?? "is invalid"}` } },
        };
      }
      const control = simulator.setControl(parsed.data);
      log.info({ control }, "fault injection changed");
      return { status: 200, body: control };
    }
    if (path === "/_stats" && req.method === "GET")
      return { status: 200, body: simulator.stats(search.get("reference") ?? undefined) };
    if (path === "/_reset" && req.method === "POST") {
      simulator.reset();
      log.info("simulator reset");
      return { status: 204, body: null };
    }
    return { status: 405, body: { error: { message: `${req.method} is not allowed on ${path}` } } };
  }

  const ROUTES = new Set(["/healthz", "/_control", "/_stats", "/_reset"]);
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> => {
    if (!path.startsWith("/v1/") && !ROUTES.has(path)) return false;
    const started = performance.now();
    if (path.startsWith("/v1/"))
      res.on("close", () => {
        if (!res.writableFinished) simulator.noteAbandoned();
      });
    const handle = async (): Promise<Reply> => {
      const search = new URLSearchParams((req.url ?? "").split("?")[1] ?? "");
      if (path === "/healthz") return { status: 200, body: { status: "ok" } };
      if (path.startsWith("/v1/")) return v1(req, path);
      return admin(req, path, search);
    };
    const reply = await handle().catch((err: unknown): Reply => {
      if (err instanceof BadBody)
        return {
          status: err.status,
          body: { error: { code: "invalid_request", field: "body", message: err.message } },
        };
      log.error({ err, path }, "request failed");
      return { status: 500, body: { error: { code: "internal_error", message: "internal error" } } };
    });
    send(res, reply, closing);
    if (path.startsWith("/v1/"))
      log.info(
        {
          method: req.method,
          path,
          status: reply.status,
          ms: Math.round(performance.now() - started),
          ...(reply.replayed ? { replayed: true } : {}),
        },
        "psp call",
      );
    return true;
  };
}

export interface PspOptions extends SimulatorOptions {
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  log: Logger;
}

export interface RunningPsp {
  url: string;
  port: number;
  simulator: PspSimulator;
  /** Stops taking calls, cuts pending latency short, lets in-flight calls answer, closes sockets. */
  close(): Promise<void>;
}

export async function startPsp(options: PspOptions): Promise<RunningPsp> {
  const simulator = new PspSimulator(options);
  const closing = new AbortController();
  const http = createHttpServer({
    log: options.log,
    metrics: createServiceMetrics("psp"),
    routes: pspRoutes(simulator, options.log, closing.signal),
  });
  await http.listen(options.port ?? 0, options.host ?? "127.0.0.1");
  const url = http.origin();
  let closed: Promise<void> | null = null;
  return {
    url,
    port: Number(new URL(url).port),
    simulator,
    close() {
      // Pending latency ends at once (answered 503); in-flight calls get a moment to answer.
      closing.abort();
      closed ??= http.close(2_000);
      return closed;
    },
  };
}
