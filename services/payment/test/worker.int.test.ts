// The payment worker as its hosts run it: commands in over the command bus, answers out of the outbox
// onto the `payments` topic, and the provider's status announced at start; a capture the provider keeps
// refusing is dead-lettered after its queue's retry schedule (PAYMENT_RETRY_DELAYS_MS, short here), and
// replayed once the provider is back it is captured once.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  authorizePaymentV1,
  capturePaymentV1,
  createEnvelope,
  QUEUES,
  TOPICS,
  type Envelope,
} from "@emporium/contracts";
import { testDatabaseTargets, type TestDatabase } from "@emporium/db/testing";
import { InProcessCommandBus, InProcessEventBus, type Subscription } from "@emporium/messaging";
import { createLogger, createServiceMetrics } from "@emporium/observability";
import { startPsp, TEST_CARDS, type RunningPsp } from "@emporium/psp/testing";
import { waitFor } from "@emporium/testkit";
import { createPaymentWorker, paymentRetryByQueue, PspProvider, type PaymentWorker } from "../src/service";

const log = createLogger({ service: "payment-worker-test", level: "silent" });
/** Two retries, so a capture is dead-lettered after its third delivery. */
const SHORT_RETRY = { delaysMs: [20, 50] };

async function pspControl(url: string, patch: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${url}/_control`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(patch),
  });
  expect(response.status).toBe(200);
}

describe.each(testDatabaseTargets("payment worker"))("payment worker on $name", (target) => {
  let t: TestDatabase;
  let psp: RunningPsp;
  let events: InProcessEventBus;
  let commands: InProcessCommandBus;
  let worker: PaymentWorker;
  let subscription: Subscription;
  const published: Envelope[] = [];

  beforeAll(async () => {
    t = await target.create();
    psp = await startPsp({ log });
    events = new InProcessEventBus(log);
    commands = new InProcessCommandBus(log, undefined, paymentRetryByQueue(SHORT_RETRY));
    subscription = await events.subscribe({
      group: "test",
      topics: [TOPICS.payments],
      fromBeginning: true,
      handle: async (envelope) => void published.push(envelope),
    });
    worker = createPaymentWorker({
      db: t.db,
      events,
      commands,
      log,
      metrics: createServiceMetrics("payment"),
      provider: new PspProvider(psp.url),
      retry: SHORT_RETRY,
      // The breaker stays closed: the replay below must reach the provider as soon as it is back.
      resilience: { volumeThreshold: 1_000, retryBaseMs: 10, retryCapMs: 20 },
      concurrency: 2,
    });
    await worker.start();
  });
  afterAll(async () => {
    await worker?.stop();
    await subscription?.stop();
    await commands?.close();
    await events?.close();
    await psp?.close();
    await t?.dispose();
  });

  /** Sends payment.authorize for `orderId` with a card that pays. */
  async function authorize(orderId: string): Promise<void> {
    const tokenized = await fetch(`${psp.url}/v1/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        number: TEST_CARDS.success,
        expMonth: 1,
        expYear: 2040,
        cvc: "123",
        name: "Alan",
      }),
    });
    const { token } = z.object({ token: z.string() }).parse(await tokenized.json());
    await commands.send(
      QUEUES.paymentAuthorize,
      createEnvelope(authorizePaymentV1, orderId, {
        orderId,
        amount: 4200,
        currency: "EUR",
        paymentToken: token,
      }),
    );
  }

  it("announces the provider and answers an authorize command on the payments topic", async () => {
    await waitFor(() => published.find((e) => e.type === "payment.provider-status.v1"), {
      what: "the provider status announced at start",
    });
    expect(worker.providerState).toBe("closed");

    const orderId = randomUUID();
    await authorize(orderId);
    const answer = await waitFor(() => published.find((e) => e.aggregateId === orderId), {
      what: "payment.authorized on the payments topic",
    });
    expect(answer).toMatchObject({
      type: "payment.authorized.v1",
      data: { orderId, amount: 4200, currency: "EUR" },
    });
  });

  it("dead-letters a capture the provider keeps refusing, and captures it once when replayed", async () => {
    const orderId = randomUUID();
    const answers = () => published.filter((e) => e.aggregateId === orderId).map((e) => e.type);
    await authorize(orderId);
    await waitFor(() => answers().includes("payment.authorized.v1"), { what: "the authorization" });

    const capture = createEnvelope(capturePaymentV1, orderId, { orderId, amount: 4200 });
    await pspControl(psp.url, { failureRate: 1, failureStatus: 503, failureOperations: ["capture"] });
    const dead = await commands
      .send(QUEUES.paymentCapture, capture)
      .then(() =>
        waitFor(
          async () =>
            (await commands.deadLetters(QUEUES.paymentCapture)).find((l) => l.messageId === capture.id),
          { what: "the capture dead-lettered" },
        ),
      )
      .finally(() => pspControl(psp.url, { failureRate: 0, failureOperations: [] }));
    expect(dead).toMatchObject({ type: "payment.capture.v1", attempts: 3 });
    expect(dead.reason).toMatch(/^gave up after 3 attempts: TransientProviderError: .*503/);
    // Not answered payment.failed: the order still owes its capture.
    expect(answers()).toEqual(["payment.authorized.v1"]);

    expect(await commands.replay(QUEUES.paymentCapture, dead.messageId)).toBe(true);
    await waitFor(() => answers().includes("payment.captured.v1"), { what: "the replayed capture" });
    expect(answers()).toEqual(["payment.authorized.v1", "payment.captured.v1"]);
    const stats = await (await fetch(`${psp.url}/_stats?reference=${orderId}`)).json();
    expect(stats).toMatchObject({ authorizations: 1, captures: 1 });
    expect(await commands.deadLetters(QUEUES.paymentCapture)).toEqual([]);
  });
});
