// The payment worker as a unit: command consumers for authorize/capture/refund, the outbox relay, and
// the provider behind its breaker. Built by this service's main.ts (own process, real brokers) or by
// an all-in-one development host.
import { QUEUES } from "@emporium/contracts";
import type { Database } from "@emporium/db";
import {
  consumeQueues,
  maxDeliveries,
  OutboxRelay,
  PERSISTENT_RETRY,
  type CommandBus,
  type EventBus,
  type RetryPolicy,
  type Subscription,
} from "@emporium/messaging";
import { measureBreaker, type Logger, type ServiceMetrics, measureDbPool } from "@emporium/observability";
import {
  DEFAULT_RESILIENCE,
  GuardedPaymentProvider,
  type ResilienceOptions,
} from "./adapters/resilience/guarded-provider";
import { sqlEventOutbox } from "./adapters/sql/outbox";
import { recordAttempt } from "./adapters/sql/payments";
import { KeyedLock } from "./app/keyed-lock";
import { createPaymentMetrics } from "./app/metrics";
import { ProviderStatusReporter } from "./app/provider-status";
import { authorizeConsumer } from "./consumers/authorize";
import { captureConsumer } from "./consumers/capture";
import type { PaymentContext } from "./consumers/context";
import { refundConsumer } from "./consumers/refund";
import type { BreakerState, PaymentProvider } from "./ports/payment-provider";

export { PspProvider } from "./adapters/psp/psp-provider";
export type { ResilienceOptions } from "./adapters/resilience/guarded-provider";

/**
 * Capturing or refunding money already promised must not be abandoned after a short outage: these
 * queues retry on `persistent` (PAYMENT_RETRY_DELAYS_MS; by default PERSISTENT_RETRY, about two hours).
 * Hand this to the command bus (RabbitMQ or in-process), and the same policy to the worker.
 */
export function paymentRetryByQueue(
  persistent: RetryPolicy = PERSISTENT_RETRY,
): Readonly<Record<string, RetryPolicy>> {
  return { [QUEUES.paymentCapture]: persistent, [QUEUES.paymentRefund]: persistent };
}

export interface PaymentServiceDeps {
  db: Database;
  log: Logger;
  metrics: ServiceMetrics;
  /** The provider's own adapter (e.g. PspProvider); the deadline, breaker and retries are added here. */
  provider: PaymentProvider;
  resilience?: Partial<ResilienceOptions>;
  /** The capture and refund queues' retry policy, the one handed to the command bus (PERSISTENT_RETRY unless told). */
  retry?: RetryPolicy;
  /** Randomness for retry jitter (tests). */
  random?: () => number;
}

export interface PaymentService {
  ctx: PaymentContext;
  provider: GuardedPaymentProvider;
  status: ProviderStatusReporter;
}

/** The consumers' context with the guarded provider, its attempt records, metrics and status events. */
export function createPaymentService(deps: PaymentServiceDeps): PaymentService {
  measureDbPool(deps.metrics.registry, deps.db);
  const metrics = createPaymentMetrics(deps.metrics.registry);
  const status = new ProviderStatusReporter(sqlEventOutbox(deps.db), deps.log);
  const provider = new GuardedPaymentProvider(
    deps.provider,
    { ...DEFAULT_RESILIENCE, ...deps.resilience },
    {
      onStateChange: status.onStateChange,
      observeBreaker: (breaker) => measureBreaker(deps.metrics.registry, "payment-provider", breaker),
      onAttempt: async (attempt) => {
        metrics.providerCalls.inc({ operation: attempt.operation, outcome: attempt.outcome });
        metrics.providerCallSeconds.observe({ operation: attempt.operation }, attempt.durationMs / 1000);
        try {
          await recordAttempt(deps.db.sql, attempt);
        } catch (err) {
          deps.log.warn(
            { err, orderId: attempt.reference, key: attempt.idempotencyKey },
            "provider call not recorded",
          );
        }
      },
      ...(deps.random ? { random: deps.random } : {}),
    },
  );
  return {
    ctx: {
      db: deps.db,
      log: deps.log,
      provider,
      metrics,
      orders: new KeyedLock(),
      lastDelivery: maxDeliveries(deps.retry ?? PERSISTENT_RETRY),
    },
    provider,
    status,
  };
}

export interface PaymentWorkerDeps extends PaymentServiceDeps {
  events: EventBus;
  commands: CommandBus;
  concurrency?: number;
}

export interface PaymentWorker {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The breaker to the provider, for readiness pages and tests. */
  readonly providerState: BreakerState;
}

export function createPaymentWorker(deps: PaymentWorkerDeps): PaymentWorker {
  const { ctx, provider, status } = createPaymentService(deps);
  const relay = new OutboxRelay({
    db: deps.db,
    schema: "payments",
    events: deps.events,
    commands: deps.commands,
    log: deps.log,
    metrics: deps.metrics.registry,
  });
  const subscriptions: Subscription[] = [];
  return {
    get providerState() {
      return provider.state;
    },
    async start() {
      status.announce(provider.state, "payment worker started; the provider is assumed available");
      await relay.start();
      const concurrency = deps.concurrency ?? 8;
      subscriptions.push(
        ...(await consumeQueues(
          deps.commands,
          {
            [QUEUES.paymentAuthorize]: authorizeConsumer(ctx),
            [QUEUES.paymentCapture]: captureConsumer(ctx),
            [QUEUES.paymentRefund]: refundConsumer(ctx),
          },
          concurrency,
          deps.metrics.registry,
        )),
      );
    },
    async stop() {
      for (const s of subscriptions.splice(0)) await s.stop();
      provider.shutdown();
      await status.flush();
      await relay.stop();
    },
  };
}
