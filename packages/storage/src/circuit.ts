// Every call to an outbound dependency gets a deadline that aborts it and passes through a circuit
// breaker: after repeated failures the breaker opens and calls fail at once instead of piling up behind
// a dead server, then lets a trial call through after a pause.
import CircuitBreaker from "opossum";

export type CircuitState = "closed" | "open" | "half-open";

/** The breaker as its observers see it: its events and state (for metrics). */
export type ObservableBreaker = Pick<CircuitBreaker, "on" | "opened" | "halfOpen">;

export interface GuardOptions {
  /** Name used in error messages and breaker events. */
  name: string;
  /** Per-call deadline; the call's AbortSignal fires when it passes (default 5 s). */
  timeoutMs?: number;
  /** Failure percentage within the rolling window that opens the breaker (default 50). */
  errorThresholdPercentage?: number;
  /** Calls in the rolling window before the breaker may open at all (default 5). */
  volumeThreshold?: number;
  /** How long the breaker stays open before a trial call (default 10 s). */
  resetTimeoutMs?: number;
  /** Told whenever the breaker changes state (metrics, logs). */
  onStateChange?: ((state: CircuitState) => void) | undefined;
  /** Handed the breaker once it is built (its metrics). */
  observeBreaker?: ((breaker: ObservableBreaker) => void) | undefined;
  /**
   * Errors that prove the dependency is up and answering (a refused request, say): they reach the
   * caller but do not count towards opening the breaker.
   */
  isAnswer?: (err: unknown) => boolean;
}

export class CallTimeoutError extends Error {
  override name = "CallTimeoutError";
}

export class CircuitOpenError extends Error {
  override name = "CircuitOpenError";
}

type Task = () => Promise<void>;

export class Guard {
  private readonly breaker: CircuitBreaker<[Task], void>;
  private readonly timeoutMs: number;

  constructor(private readonly options: GuardOptions) {
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.breaker = new CircuitBreaker<[Task], void>((task) => task(), {
      name: options.name,
      // The deadline is ours (it aborts the request); opossum's own timeout would only stop waiting.
      timeout: false,
      errorThresholdPercentage: options.errorThresholdPercentage ?? 50,
      volumeThreshold: options.volumeThreshold ?? 5,
      resetTimeout: options.resetTimeoutMs ?? 10_000,
      errorFilter: (err: unknown) => options.isAnswer?.(err) ?? false,
    });
    const tell = options.onStateChange;
    if (tell) {
      this.breaker.on("open", () => tell("open"));
      this.breaker.on("halfOpen", () => tell("half-open"));
      this.breaker.on("close", () => tell("closed"));
    }
    options.observeBreaker?.(this.breaker);
  }

  get state(): CircuitState {
    if (this.breaker.opened) return "open";
    if (this.breaker.halfOpen) return "half-open";
    return "closed";
  }

  /**
   * Runs `call` under the deadline and the breaker. What `call` returns (including "not found" answers
   * it turned into values) counts as success; what it throws counts as a failure of the dependency,
   * unless `isAnswer` says the dependency answered.
   */
  run<T>(what: string, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const name = this.options.name;
    return new Promise<T>((resolve, reject) => {
      const task: Task = async () => {
        const deadline = new AbortController();
        const timer = setTimeout(() => deadline.abort(), this.timeoutMs);
        try {
          resolve(await call(deadline.signal));
        } catch (err) {
          if (!deadline.signal.aborted) throw err;
          throw new CallTimeoutError(`${name}: ${what} took longer than ${this.timeoutMs} ms`, {
            cause: err,
          });
        } finally {
          clearTimeout(timer);
        }
      };
      this.breaker.fire(task).catch((err: unknown) => {
        const refused = err instanceof Error && "code" in err && err.code === "EOPENBREAKER";
        reject(refused ? new CircuitOpenError(`${name}: circuit open, ${what} not attempted`) : err);
      });
    });
  }

  shutdown(): void {
    this.breaker.shutdown();
  }
}
