// The payment worker as its hosts run it: commands in over the command bus, answers out of the outbox
// onto the `payments` topic, and the provider's status announced at start.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { authorizePaymentV1, createEnvelope, QUEUES, TOPICS, type Envelope } from "@emporium/contracts";
import { testDatabaseTargets, type TestDatabase } from "@emporium/db/testing";
import { InProcessCommandBus, InProcessEventBus, type Subscription } from "@emporium/messaging";
import { createLogger, createServiceMetrics } from "@emporium/observability";
import { startPsp, TEST_CARDS, type RunningPsp } from "@emporium/psp/testing";
import { waitFor } from "@emporium/testkit";
import { createPaymentWorker, PAYMENT_RETRY_BY_QUEUE, PspProvider, type PaymentWorker } from "../src/service";

const log = createLogger({ service: "payment-worker-test", level: "silent" });

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
    commands = new InProcessCommandBus(log, undefined, PAYMENT_RETRY_BY_QUEUE);
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

  it("announces the provider and answers an authorize command on the payments topic", async () => {
    await waitFor(() => published.find((e) => e.type === "payment.provider-status.v1"), {
      what: "the provider status announced at start",
    });
    expect(worker.providerState).toBe("closed");

    const orderId = randomUUID();
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
    const answer = await waitFor(() => published.find((e) => e.aggregateId === orderId), {
      what: "payment.authorized on the payments topic",
    });
    expect(answer).toMatchObject({
      type: "payment.authorized.v1",
      data: { orderId, amount: 4200, currency: "EUR" },
    });
  });
});
