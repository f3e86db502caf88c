// The provider behind a deadline, a circuit breaker and a few quick retries — the one layer of retries
// inside the worker. Each HTTP try passes through an opossum breaker whose timeout aborts that try's
// request; transient failures are tried again with capped exponential backoff and full jitter, always
// with the same idempotency key; declines and refused requests are answers and never retried. Once
// the breaker is open, calls fail at once with a TransientProviderError instead of waiting.
import CircuitBreaker from "opossum";
import { backoff, sleep } from "@emporium/messaging";
import type { ObservedBreaker } from "@emporium/observability";
import {
  PermanentProviderError,
  ProviderError,
  TransientProviderError,
  type AuthorizeRequest,
  type BreakerState,
  type AuthorizeResult,
  type CaptureRequest,
  type CaptureResult,
  type PaymentProvider,
  type ProviderOperation,
  type RefundRequest,
  type RefundResult,
} from "../../ports/payment-provider";

export interface ResilienceOptions {
  /** Deadline of one HTTP call; the request is aborted when it passes. */
  timeoutMs: number;
  /** Failure share (%) in the rolling window above which the breaker opens. */
  errorThresholdPercentage: number;
  /** Calls in the rolling window before the breaker may open at all. */
  volumeThreshold: number;
  /** How long the breaker stays open before it lets one trial call through. */
  resetTimeoutMs: number;
  /** Length of the breaker's rolling statistics window. */
  rollingWindowMs: number;
  /** Tries per operation, the first included. */
  maxAttempts: number;
  retryBaseMs: number;
  retryCapMs: number;
}

export const DEFAULT_RESILIENCE: ResilienceOptions = {
  timeoutMs: 1_500,
  errorThresholdPercentage: 50,
  volumeThreshold: 4,
  resetTimeoutMs: 8_000,
  rollingWindowMs: 10_000,
  maxAttempts: 3,
  retryBaseMs: 100,
  retryCapMs: 1_000,
};

export type { BreakerState };

export type AttemptOutcome = "approved" | "declined" | "refused" | "timeout" | "error" | "short_circuited";

/** One try at the provider (or one refused by the open breaker without a call). */
export interface ProviderAttempt {
  operation: ProviderOperation;
  /** The key sent to the provider: the same on every try of one operation. */
  idempotencyKey: string;
  reference: string;
  /** 1 for the first try of this call. */
  try: number;
  outcome: AttemptOutcome;
  errorCode: string | null;
  durationMs: number;
}

export interface GuardHooks {
  /** Told after every try; a failing observer is ignored (it must not fail the payment). */
  onAttempt?: (attempt: ProviderAttempt) => Promise<void> | void;
  onStateChange?: (state: BreakerState, reason: string) => void;
  /** Handed the breaker once it is built (its metrics). */
  observeBreaker?: (breaker: ObservedBreaker) => void;
  random?: () => number;
}

type Task = (signal: AbortSignal) => Promise<void>;

function hasCode(err: unknown, code: string): boolean {
  return err instanceof Error && "code" in err && err.code === code;
}

export class GuardedPaymentProvider implements PaymentProvider {
  private readonly breaker: CircuitBreaker<[AbortController, Task], void>;
  private lastFailure = "";

  constructor(
    private readonly inner: PaymentProvider,
    private readonly options: ResilienceOptions = DEFAULT_RESILIENCE,
    private readonly hooks: GuardHooks = {},
  ) {
    this.breaker = new CircuitBreaker<[AbortController, Task], void>(
      (controller, task) => task(controller.signal),
      {
        name: "payment-provider",
        timeout: options.timeoutMs,
        errorThresholdPercentage: options.errorThresholdPercentage,
        volumeThreshold: options.volumeThreshold,
        resetTimeout: options.resetTimeoutMs,
        rollingCountTimeout: options.rollingWindowMs,
        // A refused request proves the provider is up and answering: it does not count against it.
        errorFilter: (err: unknown) => err instanceof PermanentProviderError,
      },
    );
    this.breaker.on("failure", (err, _latencyMs, [controller]) => {
      // opossum's timeout only stops waiting; aborting the controller also ends the HTTP request.
      if (hasCode(err, "ETIMEDOUT")) controller.abort();
      this.lastFailure = this.translate(err).message;
    });
    this.breaker.on("open", () => {
      const { failures, fires } = this.breaker.stats;
      this.hooks.onStateChange?.(
        "open",
        `circuit opened: ${failures} of the last ${fires} calls failed (last: ${this.lastFailure})`,
      );
    });
    this.breaker.on("halfOpen", () => {
      this.hooks.onStateChange?.("half-open", "probing the provider with one trial call");
      // While the provider is reported down, checkout sends no payments, so no real call would ever be
      // the trial: a probe is. Its success closes the breaker; its failure opens it for another period.
      this.once((signal) => this.inner.ping(signal)).catch(() => undefined);
    });
    this.breaker.on("close", () =>
      this.hooks.onStateChange?.("closed", "circuit closed: the provider answers again"),
    );
    this.hooks.observeBreaker?.(this.breaker);
  }

  get state(): BreakerState {
    if (this.breaker.opened) return "open";
    if (this.breaker.halfOpen) return "half-open";
    return "closed";
  }

  authorize(request: AuthorizeRequest): Promise<AuthorizeResult> {
    return this.guarded("authorize", request, (signal) => this.inner.authorize(request, signal));
  }

  capture(request: CaptureRequest): Promise<CaptureResult> {
    return this.guarded("capture", request, (signal) => this.inner.capture(request, signal));
  }

  refund(request: RefundRequest): Promise<RefundResult> {
    return this.guarded("refund", request, (signal) => this.inner.refund(request, signal));
  }

  ping(): Promise<void> {
    return this.once((signal) => this.inner.ping(signal));
  }

  /** Stops the breaker's timers (worker shutdown). */
  shutdown(): void {
    this.breaker.shutdown();
  }

  private async guarded<T extends { outcome: "approved" } | { outcome: "declined"; code: string }>(
    operation: ProviderOperation,
    request: { idempotencyKey: string; reference: string },
    call: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    let last: TransientProviderError | null = null;
    for (let attempt = 1; attempt <= this.options.maxAttempts; attempt++) {
      if (attempt > 1)
        await sleep(
          backoff(attempt - 1, this.options.retryBaseMs, this.options.retryCapMs, this.hooks.random),
        );
      const started = performance.now();
      const report = (outcome: AttemptOutcome, errorCode: string | null) =>
        this.report({
          operation,
          idempotencyKey: request.idempotencyKey,
          reference: request.reference,
          try: attempt,
          outcome,
          errorCode,
          durationMs: Math.round(performance.now() - started),
        });
      try {
        const result = await this.once(call);
        await report(result.outcome, result.outcome === "declined" ? result.code : null);
        return result;
      } catch (err) {
        const error = this.translate(err);
        if (error instanceof PermanentProviderError) {
          await report("refused", error.code);
          throw error;
        }
        if (error.code === "breaker_open") {
          await report("short_circuited", error.code);
          throw error;
        }
        await report(error.code === "timeout" ? "timeout" : "error", error.code);
        last = error;
      }
    }
    const tries = this.options.maxAttempts;
    throw new TransientProviderError(
      `${last?.message ?? "no answer"} (${tries} ${tries === 1 ? "try" : "tries"})`,
      last?.code ?? "unavailable",
      { cause: last },
    );
  }

  /** One try through the breaker, with its own AbortController for the breaker's timeout to abort. */
  private once<T>(call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const task: Task = async (signal) => resolve(await call(signal));
      this.breaker.fire(new AbortController(), task).catch((err: unknown) => reject(this.translate(err)));
    });
  }

  private translate(err: unknown): ProviderError {
    if (err instanceof ProviderError) return err;
    if (hasCode(err, "ETIMEDOUT"))
      return new TransientProviderError(`no answer within ${this.options.timeoutMs} ms`, "timeout", {
        cause: err,
      });
    if (hasCode(err, "EOPENBREAKER"))
      return new TransientProviderError(
        `circuit breaker open after repeated failures (${this.lastFailure || "provider failing"}); not called`,
        "breaker_open",
        { cause: err },
      );
    return new TransientProviderError(err instanceof Error ? err.message : String(err), "error", {
      cause: err,
    });
  }

  private async report(attempt: ProviderAttempt): Promise<void> {
    try {
      await this.hooks.onAttempt?.(attempt);
    } catch {
      // Recording is best effort by contract: see GuardHooks.onAttempt.
    }
  }
}
