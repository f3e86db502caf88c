// One warning when a dependency becomes unreachable and one note when it is back — never one line per
// failed request or reconnection attempt, so an outage does not become a storm in the logs.
import type { Logger } from "./logger";

export interface OutageLog {
  /** Records a failure; logs only the first one of an outage. */
  failed(err?: unknown): void;
  /** Records a success; logs once when it ends an outage. */
  ok(): void;
  readonly down: boolean;
}

export function outageLog(log: Logger, what: string, meaning: string): OutageLog {
  let down = false;
  return {
    failed(err) {
      if (down) return;
      down = true;
      log.warn({ err, dependency: what }, `${what} is unreachable: ${meaning}`);
    },
    ok() {
      if (!down) return;
      down = false;
      log.info({ dependency: what }, `${what} is back`);
    },
    get down() {
      return down;
    },
  };
}
