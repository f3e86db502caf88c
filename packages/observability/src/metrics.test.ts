// The apps' registry is one per process however many route bundles ask for it, and /metrics serves it.
import { describe, expect, it } from "vitest";
import { metricsRoute, processMetrics } from "./metrics";

describe("processMetrics and metricsRoute", () => {
  it("hands every caller the same registry and serves it with Node's defaults and the service label", async () => {
    const a = processMetrics("admin");
    expect(processMetrics("admin")).toBe(a);
    a.observeProcedure("orders.list", "query", "OK", 0.01);
    const res = await metricsRoute("admin")();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toMatch(/^process_resident_memory_bytes\{service="admin"\} \d+/m);
    expect(text).toMatch(
      /rpc_server_duration_seconds_count\{service="admin",procedure="orders.list"[^}]*\} 1/,
    );
  });

  it("exports the log lines dropped by each reason from the start, at 0, without any shipper", async () => {
    const text = await (await metricsRoute("admin")()).text();
    for (const reason of ["buffer_full", "send_failed", "rejected", "shutdown"])
      expect(text).toMatch(
        new RegExp(`^log_lines_dropped_total\\{reason="${reason}",service="admin"\\} 0$`, "m"),
      );
  });
});
