import { createLogger } from "@emporium/observability";
import { describe, expect, it } from "vitest";
import { dispatch } from "./dispatch";
import { DEFAULT_RETRY } from "./retry";

const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger({
    service: "inventory",
    level: "info",
    ship: { write: (l: string) => lines.push(JSON.parse(l) as Record<string, unknown>) },
  });
  return { log, lines };
}

const body = Buffer.from(
  JSON.stringify({
    id: "5f0c1a52-9d1e-4c7b-8a43-0d6f7f1e2b3c",
    type: "inventory.reserve.v1",
    occurredAt: "2026-12-07T08:00:00.000Z",
    aggregateId: "order-7",
    data: {},
    traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01`,
  }),
);
const info = { source: "inventory.commands", attempt: 1 };

describe("dispatch's log lines", () => {
  it("a handled message is one line naming it, its aggregate and its trace", async () => {
    const { log, lines } = capture();
    const outcome = await dispatch(body, info, () => Promise.resolve(), DEFAULT_RETRY, log, {
      kind: "command",
    });
    expect(outcome).toEqual({ kind: "done" });
    expect(lines).toMatchObject([
      {
        msg: "message handled",
        type: "inventory.reserve.v1",
        messageId: "5f0c1a52-9d1e-4c7b-8a43-0d6f7f1e2b3c",
        aggregateId: "order-7",
        traceId: TRACE_ID,
        attempt: 1,
      },
    ]);
  });

  it("a failing handler's retry line carries the same trace id", async () => {
    const { log, lines } = capture();
    const outcome = await dispatch(
      body,
      info,
      () => Promise.reject(new Error("db away")),
      DEFAULT_RETRY,
      log,
      {
        kind: "command",
      },
    );
    expect(outcome.kind).toBe("retry");
    expect(lines).toMatchObject([
      { msg: "message handler failed; will retry", traceId: TRACE_ID, aggregateId: "order-7" },
    ]);
  });
});
