// The payment worker's consumers on PGlite and PostgreSQL against the PSP simulator over real HTTP,
// driven the way the command bus drives them: outcomes, idempotency across retries and crashes,
// refund limits, and the circuit breaker opening and closing.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  authorizePaymentV1,
  capturePaymentV1,
  createEnvelope,
  envelopeSchema,
  readMessage,
  refundPaymentV1,
  paymentFailedV1,
  paymentProviderStatusV1,
  type Envelope,
} from "@emporium/contracts";
import { testDatabaseTargets, type TestDatabase } from "@emporium/db/testing";
import type { MessageHandler } from "@emporium/messaging";
import { createLogger, createServiceMetrics } from "@emporium/observability";
import { startPsp, TEST_CARDS, type RunningPsp } from "@emporium/psp/testing";
import { waitFor } from "@emporium/testkit";
import { PspProvider } from "../src/adapters/psp/psp-provider";
import type { ResilienceOptions } from "../src/adapters/resilience/guarded-provider";
import { authorizeConsumer } from "../src/consumers/authorize";
import { captureConsumer } from "../src/consumers/capture";
import type { PaymentContext } from "../src/consumers/context";
import { refundConsumer } from "../src/consumers/refund";
import type { PaymentProvider } from "../src/ports/payment-provider";
import { PROVIDER_AGGREGATE } from "../src/app/provider-status";
import { createPaymentService, type PaymentService } from "../src/service";

const log = createLogger({ service: "payment-test", level: "silent" });

async function http(
  base: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : {};
  return typeof json === "object" && json !== null ? Object.fromEntries(Object.entries(json)) : {};
}

describe.each(testDatabaseTargets("payment consumers"))("payment on $name", (target) => {
  let t: TestDatabase;
  let psp: RunningPsp;

  beforeAll(async () => {
    t = await target.create();
    psp = await startPsp({ log });
  });
  afterAll(async () => {
    await psp?.close();
    await t?.dispose();
  });

  /** A fresh worker context; a high volume threshold keeps functional tests clear of the breaker. */
  function service(
    resilience: Partial<ResilienceOptions> = {},
    provider: PaymentProvider = new PspProvider(psp.url),
  ) {
    return createPaymentService({
      db: t.db,
      log,
      metrics: createServiceMetrics("payment-test"),
      provider,
      resilience: { volumeThreshold: 1_000, retryBaseMs: 20, retryCapMs: 100, ...resilience },
    });
  }

  async function tokenFor(number: string, base = psp.url): Promise<string> {
    const body = await http(base, "POST", "/v1/tokens", {
      number,
      expMonth: 12,
      expYear: new Date().getFullYear() + 2,
      cvc: "123",
      name: "Grace Hopper",
    });
    return String(body.token);
  }

  const authorizeCommand = (orderId: string, paymentToken: string, amount = 2500, attempt?: number) =>
    createEnvelope(authorizePaymentV1, orderId, {
      orderId,
      amount,
      currency: "USD",
      paymentToken,
      ...(attempt ? { attempt } : {}),
    });
  const captureCommand = (orderId: string, amount = 2500) =>
    createEnvelope(capturePaymentV1, orderId, { orderId, amount });
  const refundCommand = (orderId: string, amount: number) =>
    createEnvelope(refundPaymentV1, orderId, { orderId, amount, reason: "customer request" });

  const deliver = (handle: MessageHandler, envelope: Envelope, attempt = 1) =>
    handle(envelope, { source: "test", attempt });

  async function events(aggregateId: string): Promise<Envelope[]> {
    const rows = await t.db.prisma.paymentsOutbox.findMany({
      where: { aggregateId },
      orderBy: { seq: "asc" },
    });
    return rows.map((r) => envelopeSchema.parse(r.payload));
  }
  const summary = async (orderId: string) =>
    (await events(orderId)).map((e): Record<string, unknown> => ({
      type: e.type,
      ...Object.fromEntries(Object.entries(e.data ?? {})),
    }));

  const pspStats = (orderId: string, base = psp.url) => http(base, "GET", `/_stats?reference=${orderId}`);
  const payment = (orderId: string) => t.db.prisma.payment.findUnique({ where: { orderId } });
  async function attempts(orderId: string) {
    const p = await payment(orderId);
    return t.db.prisma.paymentAttempt.findMany({
      where: { paymentId: p?.id ?? randomUUID() },
      orderBy: { createdAt: "asc" },
    });
  }

  /** The provider works, then the process "crashes" before the consumer's transaction commits. */
  function crashingAfterProvider(ctx: PaymentContext): PaymentContext {
    const crash = () => {
      throw new Error("simulated crash after the provider answered");
    };
    const real = ctx.provider;
    return {
      ...ctx,
      provider: {
        authorize: async (r) => (await real.authorize(r), crash()),
        capture: async (r) => (await real.capture(r), crash()),
        refund: async (r) => (await real.refund(r), crash()),
        ping: (signal) => real.ping(signal),
      },
    };
  }

  it("authorizes, captures and refunds a good card, once each at the provider", async () => {
    const { ctx } = service();
    const orderId = randomUUID();
    await deliver(authorizeConsumer(ctx), authorizeCommand(orderId, await tokenFor(TEST_CARDS.success)));
    const paid = await payment(orderId);
    expect(paid).toMatchObject({ status: "AUTHORIZED", amount: 2500, currency: "USD" });
    expect(paid?.providerRef).toMatch(/^auth_/);

    await deliver(captureConsumer(ctx), captureCommand(orderId, 2500));
    await deliver(refundConsumer(ctx), refundCommand(orderId, 1000));
    await deliver(refundConsumer(ctx), refundCommand(orderId, 1500));

    expect(await summary(orderId)).toEqual([
      { type: "payment.authorized.v1", orderId, paymentId: paid?.id, amount: 2500, currency: "USD" },
      { type: "payment.captured.v1", orderId, paymentId: paid?.id, amount: 2500 },
      { type: "payment.refunded.v1", orderId, paymentId: paid?.id, amount: 1000, total: 1000 },
      { type: "payment.refunded.v1", orderId, paymentId: paid?.id, amount: 1500, total: 2500 },
    ]);
    expect(await payment(orderId)).toMatchObject({
      status: "REFUNDED",
      capturedAmount: 2500,
      refundedAmount: 2500,
    });
    expect(await pspStats(orderId)).toMatchObject({
      authorizations: 1,
      captures: 1,
      refunds: 2,
      replays: 0,
    });
    const calls = await attempts(orderId);
    expect(calls.map((a) => [a.operation, a.outcome])).toEqual([
      ["authorize", "approved"],
      ["capture", "approved"],
      ["refund", "approved"],
      ["refund", "approved"],
    ]);
    expect(calls[0]?.idempotencyKey).toMatch(new RegExp(`^authorize:${orderId}#1\\.`));
    expect(calls[3]?.idempotencyKey).toMatch(new RegExp(`^refund:${orderId}:1000#1\\.`));
  });

  it("answers a step sent again by staff (new messages for the same order) without charging twice", async () => {
    // The admin's "retry step" sends the order's authorize or capture again with a new message id.
    const { ctx } = service();
    const orderId = randomUUID();
    const token = await tokenFor(TEST_CARDS.success);
    await deliver(authorizeConsumer(ctx), authorizeCommand(orderId, token));
    await deliver(authorizeConsumer(ctx), authorizeCommand(orderId, token));
    await deliver(captureConsumer(ctx), captureCommand(orderId, 2500));
    await deliver(captureConsumer(ctx), captureCommand(orderId, 2500));
    expect((await summary(orderId)).map((e) => e.type)).toEqual([
      "payment.authorized.v1",
      "payment.authorized.v1",
      "payment.captured.v1",
      "payment.captured.v1",
    ]);
    expect(await pspStats(orderId)).toMatchObject({ authorizations: 1, captures: 1 });
    expect((await attempts(orderId)).map((a) => a.operation)).toEqual(["authorize", "capture"]);
  });

  it("declines a declined card and one with insufficient funds, saying why", async () => {
    const { ctx } = service();
    const [a, b] = [randomUUID(), randomUUID()];
    await deliver(authorizeConsumer(ctx), authorizeCommand(a, await tokenFor(TEST_CARDS.declined)));
    await deliver(authorizeConsumer(ctx), authorizeCommand(b, await tokenFor(TEST_CARDS.insufficientFunds)));
    expect(await summary(a)).toEqual([
      { type: "payment.declined.v1", orderId: a, code: "card_declined", reason: "The card was declined." },
    ]);
    expect(await summary(b)).toEqual([
      {
        type: "payment.declined.v1",
        orderId: b,
        code: "insufficient_funds",
        reason: "The card has insufficient funds.",
      },
    ]);
    expect(await payment(b)).toMatchObject({
      status: "DECLINED",
      declineReason: "The card has insufficient funds.",
    });

    // Asked again (a new message for the same order): the same answer, without calling the provider.
    const before = await pspStats(b);
    await deliver(authorizeConsumer(ctx), authorizeCommand(b, await tokenFor(TEST_CARDS.insufficientFunds)));
    expect((await summary(b)).map((e) => e.code)).toEqual(["insufficient_funds", "insufficient_funds"]);
    expect(await pspStats(b)).toEqual(before);
  });

  it("authorizes the shopper's second card after the first was declined, once, under its own key", async () => {
    const { ctx } = service();
    const orderId = randomUUID();
    await deliver(authorizeConsumer(ctx), authorizeCommand(orderId, await tokenFor(TEST_CARDS.declined)));
    const second = authorizeCommand(orderId, await tokenFor(TEST_CARDS.success), 2500, 2);
    await deliver(authorizeConsumer(ctx), second);
    // Redelivered: answered before, so nothing more happens.
    await deliver(authorizeConsumer(ctx), second, 2);

    expect((await summary(orderId)).map((e) => e.type)).toEqual([
      "payment.declined.v1",
      "payment.authorized.v1",
    ]);
    expect(await payment(orderId)).toMatchObject({ status: "AUTHORIZED", declineReason: null });
    expect(await pspStats(orderId)).toMatchObject({ authorizations: 1 });
    // Both cards are on record as attempts, each under its own provider key.
    const tried = await attempts(orderId);
    expect(tried.map((a) => [a.idempotencyKey.split("#")[0], a.outcome])).toEqual([
      [`authorize:${orderId}`, "declined"],
      [`authorize:${orderId}:2`, "approved"],
    ]);
  });

  it("retries a processing error with the same idempotency key until it succeeds", async () => {
    const { ctx } = service();
    const orderId = randomUUID();
    await deliver(
      authorizeConsumer(ctx),
      authorizeCommand(orderId, await tokenFor(TEST_CARDS.processingError)),
    );
    expect((await summary(orderId)).map((e) => e.type)).toEqual(["payment.authorized.v1"]);
    expect(await pspStats(orderId)).toMatchObject({ requests: 3, errors: 2, authorizations: 1 });
    const calls = await attempts(orderId);
    expect(calls.map((a) => [a.outcome, a.errorCode])).toEqual([
      ["error", "http_500"],
      ["error", "http_500"],
      ["approved", null],
    ]);
    const keys = new Set(calls.map((a) => a.idempotencyKey.split("#")[0]));
    expect([...keys]).toEqual([`authorize:${orderId}`]);
  });

  it("charges nothing twice when it crashes between the provider's answer and its own commit", async () => {
    const { ctx } = service();
    const crashing = crashingAfterProvider(ctx);
    const orderId = randomUUID();
    const authorize = authorizeCommand(orderId, await tokenFor(TEST_CARDS.success));

    await expect(deliver(authorizeConsumer(crashing), authorize)).rejects.toThrow(/simulated crash/);
    expect(await payment(orderId)).toMatchObject({ status: "PENDING" });
    expect(await events(orderId)).toEqual([]);
    // The bus redelivers the same message; then the saga even sends a new one for the same order.
    await deliver(authorizeConsumer(ctx), authorize, 2);
    await deliver(authorizeConsumer(ctx), authorize, 3);
    await deliver(authorizeConsumer(ctx), authorizeCommand(orderId, await tokenFor(TEST_CARDS.success)));

    const capture = captureCommand(orderId);
    await expect(deliver(captureConsumer(crashing), capture)).rejects.toThrow(/simulated crash/);
    await deliver(captureConsumer(ctx), capture, 2);
    await deliver(captureConsumer(ctx), captureCommand(orderId));

    const refund = refundCommand(orderId, 700);
    await expect(deliver(refundConsumer(crashing), refund)).rejects.toThrow(/simulated crash/);
    await deliver(refundConsumer(ctx), refund, 2);

    expect(await pspStats(orderId)).toMatchObject({
      authorizations: 1,
      captures: 1,
      refunds: 1,
      replays: 3,
    });
    expect((await summary(orderId)).map((e) => e.type)).toEqual([
      "payment.authorized.v1",
      "payment.authorized.v1",
      "payment.captured.v1",
      "payment.captured.v1",
      "payment.refunded.v1",
    ]);
    expect(await payment(orderId)).toMatchObject({
      status: "PARTIALLY_REFUNDED",
      capturedAmount: 2500,
      refundedAmount: 700,
    });
  });

  it("handles commands for one order that arrive together one after another", async () => {
    const { ctx } = service();
    const orderId = randomUUID();
    const token = await tokenFor(TEST_CARDS.success);
    await Promise.all([
      deliver(authorizeConsumer(ctx), authorizeCommand(orderId, token)),
      deliver(authorizeConsumer(ctx), authorizeCommand(orderId, token)),
    ]);
    await deliver(captureConsumer(ctx), captureCommand(orderId));
    await Promise.all([
      deliver(refundConsumer(ctx), refundCommand(orderId, 300)),
      deliver(refundConsumer(ctx), refundCommand(orderId, 200)),
    ]);
    expect(await pspStats(orderId)).toMatchObject({ authorizations: 1, captures: 1, refunds: 2 });
    expect(await payment(orderId)).toMatchObject({ status: "PARTIALLY_REFUNDED", refundedAmount: 500 });
    expect((await summary(orderId)).map((e) => [e.type, e.total])).toEqual([
      ["payment.authorized.v1", undefined],
      ["payment.authorized.v1", undefined],
      ["payment.captured.v1", undefined],
      ["payment.refunded.v1", 300],
      ["payment.refunded.v1", 500],
    ]);
  });

  it("never merges two refunds racing in two worker processes", async () => {
    const [one, two] = [service().ctx, service().ctx];
    const orderId = randomUUID();
    await deliver(authorizeConsumer(one), authorizeCommand(orderId, await tokenFor(TEST_CARDS.success)));
    await deliver(captureConsumer(one), captureCommand(orderId));
    const [first, second] = [refundCommand(orderId, 300), refundCommand(orderId, 200)];
    const results = await Promise.allSettled([
      deliver(refundConsumer(one), first),
      deliver(refundConsumer(two), second),
    ]);
    // The loser (if they really overlapped) met the winner's key with another amount and backs off
    // for the bus to redeliver; by then the winner is recorded and the next key is free.
    for (const [i, r] of results.entries()) {
      if (r.status === "fulfilled") continue;
      expect(String(r.reason)).toMatch(/another refund of order .* is in flight/);
      await deliver(refundConsumer(two), i === 0 ? first : second, 2);
    }
    expect(await pspStats(orderId)).toMatchObject({ refunds: 2 });
    expect(await payment(orderId)).toMatchObject({ refundedAmount: 500 });
  });

  it("never refunds or captures more than it may", async () => {
    const { ctx } = service();
    const orderId = randomUUID();
    await deliver(authorizeConsumer(ctx), authorizeCommand(orderId, await tokenFor(TEST_CARDS.success)));
    await deliver(captureConsumer(ctx), captureCommand(orderId, 3000));
    await deliver(captureConsumer(ctx), captureCommand(orderId, 2000));
    await deliver(refundConsumer(ctx), refundCommand(orderId, 2500));
    await deliver(refundConsumer(ctx), refundCommand(orderId, 1200));
    await deliver(refundConsumer(ctx), refundCommand(orderId, 900));
    await deliver(refundConsumer(ctx), refundCommand(orderId, 800));
    expect(await summary(orderId)).toEqual([
      expect.objectContaining({ type: "payment.authorized.v1" }),
      {
        type: "payment.failed.v1",
        orderId,
        operation: "capture",
        reason: "capture of 3000 exceeds the authorized 2500",
      },
      expect.objectContaining({ type: "payment.captured.v1", amount: 2000 }),
      {
        type: "payment.failed.v1",
        orderId,
        operation: "refund",
        reason: "refund of 2500 exceeds the 2000 still refundable (captured 2000, refunded 0)",
      },
      expect.objectContaining({ type: "payment.refunded.v1", amount: 1200, total: 1200 }),
      {
        type: "payment.failed.v1",
        orderId,
        operation: "refund",
        reason: "refund of 900 exceeds the 800 still refundable (captured 2000, refunded 1200)",
      },
      expect.objectContaining({ type: "payment.refunded.v1", amount: 800, total: 2000 }),
    ]);
    expect(await pspStats(orderId)).toMatchObject({ captures: 1, refunds: 2 });
  });

  it("voids an uncaptured authorization, and one whose capture failed", async () => {
    const { ctx } = service();
    const [cancelled, fragile] = [randomUUID(), randomUUID()];
    await deliver(authorizeConsumer(ctx), authorizeCommand(cancelled, await tokenFor(TEST_CARDS.success)));
    await deliver(refundConsumer(ctx), refundCommand(cancelled, 2500));
    await deliver(captureConsumer(ctx), captureCommand(cancelled));
    expect((await summary(cancelled)).slice(1)).toEqual([
      expect.objectContaining({ type: "payment.refunded.v1", amount: 2500, total: 2500 }),
      expect.objectContaining({ type: "payment.failed.v1", operation: "capture" }),
    ]);
    expect(await pspStats(cancelled)).toMatchObject({ voids: 1, captures: 0 });

    await deliver(authorizeConsumer(ctx), authorizeCommand(fragile, await tokenFor(TEST_CARDS.captureFails)));
    await deliver(captureConsumer(ctx), captureCommand(fragile));
    const [, failed] = await events(fragile);
    expect(failed && readMessage(failed, paymentFailedV1).data).toMatchObject({
      operation: "capture",
      reason: "the provider refused the capture: The issuer refused the capture. (capture_failed)",
    });
    expect(await payment(fragile)).toMatchObject({ status: "FAILED" });
    await deliver(refundConsumer(ctx), refundCommand(fragile, 2500));
    expect(await pspStats(fragile)).toMatchObject({ captureFailures: 1, voids: 1 });
    expect(await payment(fragile)).toMatchObject({ status: "REFUNDED" });
  });

  it("lets the bus retry a capture through an outage, even on its last delivery (to be dead-lettered)", async () => {
    const { ctx } = service();
    const [a, b] = [randomUUID(), randomUUID()];
    for (const id of [a, b])
      await deliver(authorizeConsumer(ctx), authorizeCommand(id, await tokenFor(TEST_CARDS.success)));
    await http(psp.url, "PUT", "/_control", { failureRate: 1 });
    try {
      const capture = captureCommand(a);
      await expect(deliver(captureConsumer(ctx), capture)).rejects.toThrow(/provider answered 503/);
      // The last delivery throws too: the bus dead-letters the command, nothing is answered or recorded,
      // and the order still owes its capture (staff replay it once the provider is back).
      const last = captureCommand(b);
      await expect(deliver(captureConsumer(ctx), last, ctx.lastDelivery)).rejects.toThrow(
        /provider answered 503/,
      );
      expect((await summary(b)).map((e) => e.type)).toEqual(["payment.authorized.v1"]);
      expect(await payment(b)).toMatchObject({ status: "AUTHORIZED" });
      await http(psp.url, "PUT", "/_control", { failureRate: 0 });
      await deliver(captureConsumer(ctx), capture, 2);
      expect((await summary(a)).map((e) => e.type)).toEqual(["payment.authorized.v1", "payment.captured.v1"]);
      // Replayed from the dead letters: a first attempt again, and charged once.
      await deliver(captureConsumer(ctx), last, 1);
      expect((await summary(b)).map((e) => e.type)).toEqual(["payment.authorized.v1", "payment.captured.v1"]);
      expect(await pspStats(b)).toMatchObject({ captures: 1 });
    } finally {
      await http(psp.url, "PUT", "/_control", { failureRate: 0 });
    }
  });

  it("answers payment.failed at once when the provider cannot be reached", async () => {
    const closed = await startPsp({ log });
    await closed.close();
    const { ctx } = service({}, new PspProvider(closed.url));
    const orderId = randomUUID();
    await deliver(authorizeConsumer(ctx), authorizeCommand(orderId, "tok_unreachable123"));
    expect(await summary(orderId)).toEqual([
      {
        type: "payment.failed.v1",
        orderId,
        operation: "authorize",
        reason: "payment provider unavailable: cannot reach the provider (ECONNREFUSED) (3 tries)",
      },
    ]);
    expect(await payment(orderId)).toMatchObject({ status: "FAILED" });
  });

  describe("with a slow, flaky provider", () => {
    let flaky: RunningPsp;
    let svc: PaymentService;
    let metrics: ReturnType<typeof createServiceMetrics>;

    beforeAll(async () => {
      flaky = await startPsp({ log });
      metrics = createServiceMetrics("payment-breaker-test");
      svc = createPaymentService({
        db: t.db,
        log,
        metrics,
        provider: new PspProvider(flaky.url),
        resilience: {
          timeoutMs: 1_500,
          errorThresholdPercentage: 50,
          volumeThreshold: 3,
          resetTimeoutMs: 2_000,
          retryBaseMs: 50,
          retryCapMs: 200,
        },
      });
    });
    afterAll(async () => {
      svc?.provider.shutdown();
      await flaky?.close();
    });

    const breakerGauge = async () =>
      (await metrics.registry.getSingleMetric("circuit_breaker_state")?.get())?.values.find(
        (v) => v.labels.dependency === "payment-provider",
      )?.value;
    const rejections = async () =>
      (await metrics.registry.getSingleMetric("circuit_breaker_rejections_total")?.get())?.values.find(
        (v) => v.labels.dependency === "payment-provider",
      )?.value;
    const abandoned = async () => {
      const { totals } = await http(flaky.url, "GET", "/_stats");
      return typeof totals === "object" && totals !== null && "abandoned" in totals
        ? Number(totals.abandoned)
        : 0;
    };
    const statusEvents = async () =>
      (await events(PROVIDER_AGGREGATE)).map((e) => readMessage(e, paymentProviderStatusV1).data);

    it("opens the breaker, fails fast with a clear reason, and closes again once the provider recovers", async () => {
      const handle = authorizeConsumer(svc.ctx);
      const token = await tokenFor(TEST_CARDS.success, flaky.url);
      await http(flaky.url, "PUT", "/_control", { failureRate: 0.5, latencyMs: 2_000 });

      // Every try outlasts the 1.5 s deadline: three timeouts open the breaker.
      const first = randomUUID();
      await deliver(handle, authorizeCommand(first, token));
      expect((await summary(first))[0]).toMatchObject({
        type: "payment.failed.v1",
        operation: "authorize",
        reason: "payment provider unavailable: no answer within 1500 ms (3 tries)",
      });
      expect(svc.provider.state).toBe("open");
      // The deadline really ended the HTTP requests: the provider saw its client hang up.
      await waitFor(async () => (await abandoned()) >= 3, {
        what: "the provider to see three abandoned calls",
      });
      await waitFor(async () => (await statusEvents()).some((s) => !s.available), {
        what: "payment.provider-status available:false in the outbox",
      });
      expect((await statusEvents())[0]?.reason).toMatch(
        /^circuit opened: 3 of the last 3 calls failed \(last: no answer within 1500 ms\)$/,
      );
      expect(await breakerGauge()).toBe(2);

      // While open: no call, an answer well under the deadline, and a reason the shopper can be shown.
      const second = randomUUID();
      const started = performance.now();
      await deliver(handle, authorizeCommand(second, token));
      expect(performance.now() - started).toBeLessThan(500);
      const [failed] = await events(second);
      expect(failed && readMessage(failed, paymentFailedV1).data.reason).toMatch(
        /^payment provider unavailable: circuit breaker open after repeated failures \(.+\); not called$/,
      );
      expect((await attempts(second)).map((a) => a.outcome)).toEqual(["short_circuited"]);
      expect(await rejections()).toBe(1);

      // Still failing when the reset timeout passes: the probe fails and the breaker opens again,
      // which is no news to the shop.
      await waitFor(() => svc.provider.state === "half-open", { what: "the breaker to try again" });
      await waitFor(() => svc.provider.state === "open", { what: "the failed probe to reopen it" });
      expect((await statusEvents()).map((s) => s.available)).toEqual([false]);

      // The provider recovers. Checkout sends nothing while payments are reported down, so the
      // breaker's own probe must find out: it closes the breaker and the shop hears of it.
      await http(flaky.url, "PUT", "/_control", { latencyMs: 0, failureRate: 0 });
      await waitFor(async () => (await statusEvents()).length === 2, {
        timeoutMs: 15_000,
        what: "payment.provider-status available:true",
      });
      expect((await statusEvents()).map((s) => s.available)).toEqual([false, true]);
      expect(svc.provider.state).toBe("closed");
      const recovered = randomUUID();
      await deliver(handle, authorizeCommand(recovered, token));
      expect((await summary(recovered)).map((e) => e.type)).toEqual(["payment.authorized.v1"]);
      expect(await payment(recovered)).toMatchObject({ status: "AUTHORIZED" });
      expect(await breakerGauge()).toBe(0);
    });
  });
});
