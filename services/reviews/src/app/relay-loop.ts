// The loop the service's relays share (rating summaries, audit events): a pass runs when nudged and on
// a timer; a nudge during a pass runs one more after it; a failing pass leaves its work for the next one
// and is logged once per run of failures, not once per pass.
import type { Logger } from "@emporium/observability";

export interface RelayLoopOptions {
  log: Logger;
  /** How often due work is looked for without a nudge (default 5 s). */
  intervalMs?: number | undefined;
}

export abstract class RelayLoop {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private failing = false;

  /**
   * @param what what the log lines name: "rating summaries", "audit events".
   */
  protected constructor(
    private readonly what: string,
    private readonly loop: RelayLoopOptions,
  ) {}

  /** Publishes what is due; throws to leave the rest for the next pass. */
  protected abstract publishDue(): Promise<void>;

  start(): void {
    this.timer = setInterval(() => this.wake(), this.loop.intervalMs ?? 5_000);
    this.timer.unref();
    this.wake();
  }

  /** Runs a pass soon; a nudge during a pass runs one more after it. */
  wake(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.pass();
      } while (this.again);
    })().finally(() => {
      this.running = null;
    });
  }

  /** Publishes everything due; resolves when none is left (tests and shutdown wait on it). */
  async drain(): Promise<void> {
    while (this.running) await this.running;
    await this.pass();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    while (this.running) await this.running;
  }

  private async pass(): Promise<void> {
    try {
      await this.publishDue();
      if (this.failing) this.loop.log.info(`${this.what} are published again`);
      this.failing = false;
    } catch (err) {
      // What is due stays due: the next pass publishes it. One warning per run of failures.
      if (!this.failing) this.loop.log.warn({ err }, `could not publish ${this.what} yet; will try again`);
      this.failing = true;
    }
  }
}
