// The S3 adapter's behaviour when S3 misbehaves, against a stand-in HTTP server on 127.0.0.1 that can
// hang, fail or answer: every call ends by its deadline, repeated failures open the breaker so callers
// fail fast, refusals (4xx) and missing keys do not, and the breaker closes again once S3 is back.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CallTimeoutError, CircuitOpenError, S3ObjectStore, type CircuitState } from "../src";
import { waitFor } from "@emporium/testkit";

type Mode = "hang" | "fail" | "deny" | "missing" | "ok";

let server: Server;
let endpoint: string;
let mode: Mode = "ok";
let requests = 0;
const hanging = new Set<ServerResponse>();

function answer(req: IncomingMessage, res: ServerResponse): void {
  requests++;
  req.resume();
  if (mode === "hang") {
    hanging.add(res);
    res.on("close", () => hanging.delete(res));
    return;
  }
  if (mode === "fail") {
    res.writeHead(503, { "content-type": "application/xml" }).end("<Error><Code>SlowDown</Code></Error>");
    return;
  }
  if (mode === "missing") {
    // As S3 says it: NoSuchKey with a body for GET (and DELETE on some compatible servers), a bare 404 for HEAD.
    if (req.method === "HEAD") res.writeHead(404).end();
    else
      res.writeHead(404, { "content-type": "application/xml" }).end("<Error><Code>NoSuchKey</Code></Error>");
    return;
  }
  if (mode === "deny") {
    res.writeHead(403, { "content-type": "application/xml" }).end("<Error><Code>AccessDenied</Code></Error>");
    return;
  }
  res
    .writeHead(200, { "content-type": "text/plain", "content-length": "2" })
    .end(req.method === "HEAD" ? undefined : "ok");
}

beforeAll(async () => {
  server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("stand-in S3 is not on TCP");
  endpoint = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  for (const res of hanging) res.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function storeAgainstStandIn(states: CircuitState[] = [], rejected: { count: number } = { count: 0 }) {
  return new S3ObjectStore({
    bucket: "stand-in",
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test-secret" },
    forcePathStyle: true,
    timeoutMs: 150,
    breakerResetMs: 300,
    onBreakerStateChange: (s) => states.push(s),
    // What the breaker metrics listen to (measureBreaker in @emporium/observability).
    observeBreaker: (breaker) => breaker.on("reject", () => rejected.count++),
  });
}

describe("S3ObjectStore when S3 misbehaves", () => {
  it("aborts a call that hangs when its deadline passes", async () => {
    mode = "hang";
    const store = storeAgainstStandIn();
    const started = Date.now();
    await expect(store.get("packing-slips/a.pdf")).rejects.toBeInstanceOf(CallTimeoutError);
    expect(Date.now() - started).toBeLessThan(2_000);
    await waitFor(() => hanging.size === 0, {
      timeoutMs: 2_000,
      what: "the aborted request's socket to close",
    });
    store.close();
  });

  it("opens the breaker after repeated failures, fails fast while open, and closes once S3 is back", async () => {
    mode = "fail";
    const states: CircuitState[] = [];
    const rejected = { count: 0 };
    const store = storeAgainstStandIn(states, rejected);
    for (let i = 0; i < 5; i++) await expect(store.exists("a/b.png")).rejects.toThrow();
    expect(store.breakerState).toBe("open");
    const before = requests;
    await expect(store.put("a/b.png", Buffer.from("x"), "image/png")).rejects.toBeInstanceOf(
      CircuitOpenError,
    );
    expect(requests).toBe(before); // refused without touching S3
    expect(rejected.count).toBe(1);

    mode = "ok";
    await waitFor(() => store.breakerState === "half-open", {
      timeoutMs: 3_000,
      what: "the half-open breaker",
    });
    expect(await store.exists("a/b.png")).toBe(true);
    expect(store.breakerState).toBe("closed");
    expect(states).toEqual(["open", "half-open", "closed"]);
    store.close();
  });

  it("answers a missing key as absent rather than failing, without counting it against S3", async () => {
    mode = "missing";
    const store = storeAgainstStandIn();
    for (let i = 0; i < 3; i++) {
      expect(await store.get("a/gone.png")).toBeNull();
      expect(await store.exists("a/gone.png")).toBe(false);
      await expect(store.delete("a/gone.png")).resolves.toBeUndefined();
    }
    expect(store.breakerState).toBe("closed");
    store.close();
  });

  it("does not count refusals (4xx) as S3 being down", async () => {
    mode = "deny";
    const store = storeAgainstStandIn();
    for (let i = 0; i < 8; i++) await expect(store.get("a/b.png")).rejects.toThrow();
    expect(store.breakerState).toBe("closed");
    store.close();
  });
});
