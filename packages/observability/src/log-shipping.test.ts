import pino from "pino";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";
import { dailyIndex, LogShipper, toLogDocument } from "./log-shipping";

describe("toLogDocument", () => {
  it("turns a pino line into the store's document: @timestamp, level name, scrubbed secrets", () => {
    const line = JSON.stringify({
      level: 50,
      time: "2026-12-07T08:00:00.000Z",
      service: "payment",
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      msg: "card 4242424242424242 refused",
      token: "tok_abcdef0123456789",
    });
    expect(toLogDocument(line)).toEqual({
      "@timestamp": "2026-12-07T08:00:00.000Z",
      level: "error",
      service: "payment",
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      msg: "card [card redacted] refused",
      token: "[redacted]",
    });
  });

  it("keeps a line that is not JSON as its message, timed now", () => {
    const now = new Date("2026-12-07T09:30:00.000Z");
    expect(toLogDocument("plain text", () => now)).toEqual({
      "@timestamp": now.toISOString(),
      level: "info",
      msg: "plain text",
    });
  });

  it("names the daily index by the line's UTC day", () => {
    expect(dailyIndex("emporium-logs", new Date("2026-01-02T23:59:59.999Z"))).toBe(
      "emporium-logs-2026.01.02",
    );
  });
});

describe("LogShipper buffer", () => {
  it("drops and counts lines beyond its bound instead of holding the caller", () => {
    // An address nothing answers on: nothing is sent, since no flush happens before the check.
    const shipper = new LogShipper({
      url: "http://127.0.0.1:9",
      maxBuffered: 3,
      flushIntervalMs: 60_000,
      retentionDays: 0,
      report: () => undefined,
    });
    for (let i = 0; i < 5; i++) shipper.write(`${JSON.stringify({ level: 30, msg: `line ${i}` })}\n`);
    expect(shipper.stats()).toEqual({ shipped: 0, dropped: 2, buffered: 3 });
    return shipper.close();
  });

  it("receives every line the logger writes, beside stdout", () => {
    const lines: string[] = [];
    const log = createLogger({
      service: "orders",
      level: "debug",
      ship: { write: (l: string) => lines.push(l) },
    });
    log.debug({ orderId: "o-1" }, "debug line");
    log.info({ password: "p" }, "info line");
    expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toMatchObject([
      { level: pino.levels.values.debug, service: "orders", orderId: "o-1", msg: "debug line" },
      { level: pino.levels.values.info, password: "[redacted]", msg: "info line" },
    ]);
  });
});
