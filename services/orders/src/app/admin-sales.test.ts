import { describe, expect, it } from "vitest";
import { salesSummary } from "./admin-sales";

describe("salesSummary", () => {
  it("lists both periods day by day, the previous one aligned with the current", async () => {
    const asked: [string, string][] = [];
    const summary = await salesSummary(
      {
        salesByDay: (_currency, from, to) => {
          asked.push([from.toISOString().slice(0, 10), to.toISOString().slice(0, 10)]);
          return Promise.resolve([
            { day: "2026-12-01", orders: 2, sales: 5000n, cancelled: 0 },
            { day: "2026-12-05", orders: 1, sales: 1250n, cancelled: 1 },
          ]);
        },
      },
      { days: 3, currency: "USD", now: new Date("2026-12-07T15:00:00Z") },
    );
    expect(asked).toEqual([
      ["2026-12-05", "2026-12-08"],
      ["2026-12-02", "2026-12-05"],
    ]);
    expect(summary.byDay.map((d) => d.day)).toEqual(["2026-12-05", "2026-12-06", "2026-12-07"]);
    expect(summary.previousByDay.map((d) => d.day)).toEqual(["2026-12-02", "2026-12-03", "2026-12-04"]);
    expect(summary.byDay[0]).toEqual({ day: "2026-12-05", orders: 1, sales: 1250 });
    expect(summary.previousByDay.every((d) => d.orders === 0)).toBe(true);
  });
});
