// The simulated payment provider over real HTTP: card tokens, test-card outcomes, Stripe-style
// idempotency, capture/refund rules, fault injection and the counters tests elsewhere rely on.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "@emporium/observability";
import { waitFor } from "@emporium/testkit";
import { TEST_CARDS } from "../src/domain/test-cards";
import { startPsp, type RunningPsp } from "../src/api/server";

const log = createLogger({ service: "psp-test", level: "silent" });

interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
  ms: number;
}

async function call(
  psp: RunningPsp,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const started = performance.now();
  const res = await fetch(`${psp.url}${path}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  const parsed: unknown = text ? JSON.parse(text) : {};
  return {
    status: res.status,
    body: typeof parsed === "object" && parsed !== null ? Object.fromEntries(Object.entries(parsed)) : {},
    headers: res.headers,
    ms: performance.now() - started,
  };
}

const card = (number: string) => ({
  number,
  expMonth: 12,
  expYear: new Date().getFullYear() + 3,
  cvc: "123",
  name: "Ada",
});

describe("payment provider simulator", () => {
  let psp: RunningPsp;
  let n = 0;
  const ref = () => `order-${++n}`;

  beforeAll(async () => {
    psp = await startPsp({ log });
  });
  afterEach(async () => {
    await call(psp, "POST", "/_reset");
  });
  afterAll(() => psp.close());

  async function tokenFor(number: string): Promise<string> {
    const res = await call(psp, "POST", "/v1/tokens", card(number));
    expect(res.status).toBe(201);
    return String(res.body.token);
  }

  async function authorize(number: string, reference: string, key = `authorize:${reference}`, amount = 1000) {
    const token = await tokenFor(number);
    return call(
      psp,
      "POST",
      "/v1/authorizations",
      { token, amount, currency: "USD", reference },
      { "idempotency-key": key },
    );
  }

  const stats = async (reference: string) => (await call(psp, "GET", `/_stats?reference=${reference}`)).body;

  it("answers /healthz, /readyz, /metrics and 404 for unknown routes", async () => {
    const health = await call(psp, "GET", "/healthz");
    expect(health.body).toEqual({ status: "ok" });
    // the payment worker recognises the simulator by this header (and refuses it in production)
    expect(health.headers.get("psp-simulator")).toBe("emporium");
    expect((await call(psp, "GET", "/readyz")).status).toBe(200);
    const metrics = await fetch(`${psp.url}/metrics`);
    expect(await metrics.text()).toMatch(/process_cpu_seconds_total\{service="psp"\}/);
    expect((await call(psp, "GET", "/v1/nothing")).status).toBe(404);
    expect((await call(psp, "GET", "/nothing")).status).toBe(404);
    expect((await call(psp, "DELETE", "/_control")).status).toBe(405);
  });

  it("tokenizes a valid card and shows only brand and last four digits", async () => {
    const res = await call(psp, "POST", "/v1/tokens", card("4242 4242 4242 4242"));
    expect(res.status).toBe(201);
    expect(res.body.token).toMatch(/^tok_[A-Za-z0-9]{8,64}$/);
    expect(res.body).toMatchObject({ brand: "visa", last4: "4242" });
    expect(JSON.stringify(res.body)).not.toContain("4242424242424242");
    const amex = await call(psp, "POST", "/v1/tokens", { ...card("378282246310005"), cvc: "1234" });
    expect(amex.body).toMatchObject({ brand: "amex", last4: "0005" });
  });

  it.each([
    [{ number: "4242424242424241" }, "number", "card number: fails its checksum"],
    [{ number: "4242424242" }, "number", "card number: must have 12 to 19 digits, not 10"],
    [{ expMonth: 1, expYear: 2020 }, "expYear", "expiry: the card expired at the end of 01/2020"],
    [{ cvc: "1" }, "cvc", "cvc: must be 3 digits"],
    [{ name: "" }, "name", "name: the cardholder's name is required"],
  ])("refuses card %j with 400 naming the field", async (change, field, message) => {
    const res = await call(psp, "POST", "/v1/tokens", { ...card(TEST_CARDS.success), ...change });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ field, message });
  });

  it("refuses a body that is not a JSON object", async () => {
    const res = await call(psp, "POST", "/v1/tokens", "{not json");
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ field: "body", message: "body: is not valid JSON" });
  });

  it("authorizes, declines and reports insufficient funds by test card", async () => {
    const ok = await authorize(TEST_CARDS.success, ref());
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ status: "authorized", amount: 1000, currency: "USD" });
    expect(ok.body.id).toMatch(/^auth_/);

    const declined = await authorize(TEST_CARDS.declined, ref());
    expect(declined.status).toBe(402);
    expect(declined.body).toMatchObject({ status: "declined", code: "card_declined" });
    expect(declined.body.id).toMatch(/^auth_/);

    const poor = await authorize(TEST_CARDS.insufficientFunds, ref());
    expect(poor.status).toBe(402);
    expect(poor.body).toMatchObject({ status: "declined", code: "insufficient_funds" });
  });

  it("requires an Idempotency-Key and a known token, and names bad fields", async () => {
    const token = await tokenFor(TEST_CARDS.success);
    const body = { token, amount: 1000, currency: "USD", reference: "r" };
    const noKey = await call(psp, "POST", "/v1/authorizations", body);
    expect(noKey.status).toBe(400);
    expect(noKey.body.error).toMatchObject({ field: "Idempotency-Key" });

    const unknown = await call(
      psp,
      "POST",
      "/v1/authorizations",
      { ...body, token: "tok_nosuchtoken1" },
      {
        "idempotency-key": "k-unknown",
      },
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ field: "token" });

    const cents = await call(
      psp,
      "POST",
      "/v1/authorizations",
      { ...body, amount: 10.5 },
      { "idempotency-key": "k-cents" },
    );
    expect(cents.status).toBe(400);
    expect(cents.body.error).toMatchObject({ field: "amount" });
  });

  it("fails the processing-error card twice per key, then succeeds with the same key", async () => {
    const reference = ref();
    const token = await tokenFor(TEST_CARDS.processingError);
    const send = (key: string) =>
      call(
        psp,
        "POST",
        "/v1/authorizations",
        { token, amount: 500, currency: "EUR", reference },
        {
          "idempotency-key": key,
        },
      );
    expect((await send("k1")).status).toBe(500);
    expect((await send("k1")).status).toBe(500);
    const third = await send("k1");
    expect(third.status).toBe(201);
    expect((await send("k1")).body).toEqual(third.body);
    // A new key is a new request: it starts failing again.
    expect((await send("k2")).status).toBe(500);
    expect(await stats(reference)).toMatchObject({ authorizations: 1, errors: 3, replays: 1, requests: 5 });
  });

  it("replays the stored answer for the same key and body, without a second effect", async () => {
    const reference = ref();
    const token = await tokenFor(TEST_CARDS.success);
    const body = { token, amount: 1000, currency: "USD", reference };
    const first = await call(psp, "POST", "/v1/authorizations", body, { "idempotency-key": "same" });
    const again = await call(psp, "POST", "/v1/authorizations", body, { "idempotency-key": "same" });
    expect(again.status).toBe(first.status);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(await stats(reference)).toMatchObject({ authorizations: 1, replays: 1 });

    const changed = await call(
      psp,
      "POST",
      "/v1/authorizations",
      { ...body, amount: 2000 },
      {
        "idempotency-key": "same",
      },
    );
    expect(changed.status).toBe(409);
    expect(changed.body.error).toMatchObject({ code: "idempotency_mismatch", field: "amount" });
    expect(JSON.stringify(changed.body)).toContain("amount was 1000, now 2000");
  });

  it("scopes keys per endpoint and captures an authorization at most once", async () => {
    const reference = ref();
    const auth = await authorize(TEST_CARDS.success, reference, "k");
    const id = String(auth.body.id);
    const capture = (key: string, amount = 1000) =>
      call(psp, "POST", `/v1/authorizations/${id}/capture`, { amount }, { "idempotency-key": key });
    // The authorization's key is reused for the capture: a different endpoint, so no conflict.
    const captured = await capture("k", 800);
    expect(captured.status).toBe(200);
    expect(captured.body).toMatchObject({ status: "captured", captured: 800 });
    expect((await capture("k", 800)).headers.get("idempotent-replayed")).toBe("true");
    const mismatch = await capture("k", 900);
    expect(mismatch.status).toBe(409);
    expect(mismatch.body.error).toMatchObject({ field: "amount" });
    const second = await capture("another-key", 800);
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: "already_captured" });
    expect(await stats(reference)).toMatchObject({ authorizations: 1, captures: 1, replays: 1 });
  });

  it("refuses to capture more than was authorized, and refuses the capture-fails card", async () => {
    const auth = await authorize(TEST_CARDS.success, ref());
    const over = await call(
      psp,
      "POST",
      `/v1/authorizations/${String(auth.body.id)}/capture`,
      { amount: 1001 },
      {
        "idempotency-key": "c",
      },
    );
    expect(over.status).toBe(400);
    expect(over.body.error).toMatchObject({ field: "amount" });

    const fragile = await authorize(TEST_CARDS.captureFails, ref());
    expect(fragile.status).toBe(201);
    const failed = await call(
      psp,
      "POST",
      `/v1/authorizations/${String(fragile.body.id)}/capture`,
      { amount: 1000 },
      {
        "idempotency-key": "c2",
      },
    );
    expect(failed.status).toBe(402);
    expect(failed.body).toMatchObject({ status: "failed", code: "capture_failed" });
  });

  it("refunds captured money cumulatively up to the captured amount, and voids uncaptured ones", async () => {
    const reference = ref();
    const auth = await authorize(TEST_CARDS.success, reference);
    const id = String(auth.body.id);
    await call(psp, "POST", `/v1/authorizations/${id}/capture`, { amount: 1000 }, { "idempotency-key": "c" });
    const refund = (key: string, amount: number) =>
      call(psp, "POST", `/v1/authorizations/${id}/refund`, { amount }, { "idempotency-key": key });
    expect((await refund("r1", 300)).body).toMatchObject({ status: "partially_refunded", refunded: 300 });
    const over = await refund("r2", 800);
    expect(over.status).toBe(400);
    expect(over.body.error).toMatchObject({ field: "amount" });
    expect(over.body.error).toMatchObject({ message: expect.stringContaining("700 still refundable") });
    expect((await refund("r3", 700)).body).toMatchObject({ status: "refunded", refunded: 1000 });
    expect(await stats(reference)).toMatchObject({ refunds: 2 });

    const other = await authorize(TEST_CARDS.success, ref());
    const otherId = String(other.body.id);
    const voided = await call(
      psp,
      "POST",
      `/v1/authorizations/${otherId}/refund`,
      { amount: 1000 },
      {
        "idempotency-key": "v",
      },
    );
    expect(voided.body).toMatchObject({ status: "voided", captured: 0 });
    const late = await call(
      psp,
      "POST",
      `/v1/authorizations/${otherId}/capture`,
      { amount: 1000 },
      {
        "idempotency-key": "late",
      },
    );
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: "authorization_voided" });
  });

  it("adds latency and injected failures on demand, and /_reset clears them", async () => {
    expect((await call(psp, "GET", "/_control")).body).toEqual({
      latencyMs: 0,
      failureRate: 0,
      failureStatus: 503,
      failureOperations: [],
    });
    const slow = await call(psp, "PUT", "/_control", { latencyMs: 300 });
    expect(slow.body).toMatchObject({ latencyMs: 300, failureRate: 0 });
    expect((await call(psp, "POST", "/v1/tokens", card(TEST_CARDS.success))).ms).toBeGreaterThanOrEqual(290);

    await call(psp, "PUT", "/_control", { latencyMs: 0, failureRate: 1, failureStatus: 502 });
    const reference = ref();
    const failed = await call(
      psp,
      "POST",
      "/v1/authorizations",
      { token: "tok_whatever1", amount: 1, currency: "USD", reference },
      {
        "idempotency-key": "x",
      },
    );
    expect(failed.status).toBe(502);
    expect(failed.body.error).toMatchObject({ code: "injected_failure" });
    expect(await stats(reference)).toMatchObject({ requests: 0, authorizations: 0 });

    const bad = await call(psp, "PUT", "/_control", { failureRate: 2 });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ field: "failureRate" });

    // The provider's own health check is a /v1 call too, so a probe sees the injected faults.
    expect((await call(psp, "GET", "/v1/health")).status).toBe(502);
    expect((await call(psp, "GET", "/healthz")).status).toBe(200);

    expect((await call(psp, "POST", "/_reset")).status).toBe(204);
    expect((await call(psp, "GET", "/_control")).body).toEqual({
      latencyMs: 0,
      failureRate: 0,
      failureStatus: 503,
      failureOperations: [],
    });
  });

  it("fails only the kinds of call it is told to: captures down while authorizations work", async () => {
    const captureDown = await call(psp, "PUT", "/_control", {
      failureRate: 1,
      failureOperations: ["capture"],
    });
    expect(captureDown.body).toMatchObject({ failureRate: 1, failureOperations: ["capture"] });
    const reference = ref();
    const authorized = await authorize(TEST_CARDS.success, reference);
    expect(authorized.status).toBe(201);
    const path = `/v1/authorizations/${String(authorized.body.id)}/capture`;
    const headers = { "idempotency-key": `capture:${reference}` };
    const refused = await call(psp, "POST", path, { amount: 1000 }, headers);
    expect([refused.status, refused.body.error]).toMatchObject([503, { code: "injected_failure" }]);
    expect(await stats(reference)).toMatchObject({ authorizations: 1, captures: 0 });

    // Back up: the same capture (same key) goes through once.
    await call(psp, "PUT", "/_control", { failureRate: 0 });
    expect((await call(psp, "POST", path, { amount: 1000 }, headers)).status).toBe(200);
    expect(await stats(reference)).toMatchObject({ captures: 1 });
    const unknown = await call(psp, "PUT", "/_control", { failureOperations: ["charge"] });
    expect([unknown.status, unknown.body.error]).toMatchObject([400, { field: "failureOperations" }]);
  });

  it("counts the calls whose client hung up before the answer", async () => {
    await call(psp, "PUT", "/_control", { latencyMs: 1_000 });
    await expect(fetch(`${psp.url}/v1/health`, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
    await waitFor(
      async () => {
        const { totals } = (await call(psp, "GET", "/_stats")).body;
        return (
          typeof totals === "object" && totals !== null && "abandoned" in totals && totals.abandoned === 1
        );
      },
      { what: "the abandoned call to be counted" },
    );
  });

  it("keeps its memory bounded: the oldest tokens are forgotten first", async () => {
    const small = await startPsp({ log, capacity: 2 });
    try {
      const tokens: string[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await call(small, "POST", "/v1/tokens", card(TEST_CARDS.success));
        tokens.push(String(res.body.token));
      }
      const use = (token: string | undefined, key: string) =>
        call(
          small,
          "POST",
          "/v1/authorizations",
          { token, amount: 1, currency: "USD", reference: key },
          {
            "idempotency-key": key,
          },
        );
      expect((await use(tokens[0], "a")).body.error).toMatchObject({ field: "token" });
      expect((await use(tokens[2], "b")).status).toBe(201);
    } finally {
      await small.close();
    }
  });

  it("cuts pending latency short when it stops", async () => {
    const stopping = await startPsp({ log });
    await call(stopping, "PUT", "/_control", { latencyMs: 30_000 });
    const pending = call(stopping, "POST", "/v1/tokens", card(TEST_CARDS.success));
    await waitFor(() => stopping.simulator.inFlight === 1, { what: "the call to wait out its latency" });
    const started = performance.now();
    await stopping.close();
    const res = await pending;
    expect(res.status).toBe(503);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
