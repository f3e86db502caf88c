import { describe, expect, it } from "vitest";
import pino from "pino";
import { outageLog } from "./outage";

describe("outageLog", () => {
  it("logs one warning per outage and one note when it ends", () => {
    const lines: string[] = [];
    const log = pino({ level: "info" }, { write: (s: string) => lines.push(s) });
    const outage = outageLog(log, "Memcached", "answers come from the database");
    outage.ok();
    for (let i = 0; i < 50; i++) outage.failed(new Error("ECONNREFUSED"));
    expect(outage.down).toBe(true);
    outage.ok();
    outage.ok();
    outage.failed();
    const messages = lines.map((l) => (JSON.parse(l) as { msg: string }).msg);
    expect(messages).toEqual([
      "Memcached is unreachable: answers come from the database",
      "Memcached is back",
      "Memcached is unreachable: answers come from the database",
    ]);
  });
});
