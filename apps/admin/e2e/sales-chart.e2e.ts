// The dashboard's sales chart (issue 18, item 15): a money axis and a day axis, the previous period
// drawn beside this one, and a tooltip with a day's sales and orders and the same day of the period before.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser } from "@emporium/testkit/browser";
import { formatMoney } from "@emporium/ui/money";
import { placePaidOrder, staffOrders } from "./orders-api";
import { submitSignIn } from "./sign-in";

const staffOrdersAsManager = staffOrders("manager");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("the dashboard's sales chart", () => {
  it("has axes, both periods in its legend, and a tooltip with today's sales against the same day before", async () => {
    await placePaidOrder(`e2e-${randomUUID().slice(0, 8)}@example.com`);
    const summary = await staffOrdersAsManager.admin.dashboard.sales.query({ days: 30 });
    const today = summary.byDay.at(-1);
    const sameDayBefore = summary.previousByDay.at(-1);
    if (!today || !sameDayBefore) throw new Error("the sales summary lists no days");
    expect(today.orders).toBeGreaterThan(0);

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await submitSignIn(page, "manager@emporium.local", "manager-password");
    await page.getByTestId("signed-in-as").waitFor();
    const chart = page.getByTestId("sales-chart");
    await chart.locator(".recharts-wrapper > svg.recharts-surface").waitFor();

    // Recharts lays the axes out once it has measured its box, a moment after the first paint; tick
    // labels sit in their own layer above the bars.
    const yTickValues = chart.locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value");
    await expect.poll(() => yTickValues.count()).toBeGreaterThan(2);
    const yTicks = await yTickValues.allTextContents();
    for (const tick of yTicks) expect(tick).toMatch(/^\$\d/);
    const xTicks = await chart
      .locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value")
      .allTextContents();
    expect(xTicks.length).toBeGreaterThan(2);
    for (const tick of xTicks) expect(tick).toMatch(/^[A-Z][a-z]{2} \d{1,2}$/);
    expect(await chart.locator(".recharts-legend-wrapper").textContent()).toMatch(
      /Last 30 days.*Previous 30 days|Previous 30 days.*Last 30 days/,
    );

    // The pointer over the last day's band shows today's figures and the same day of the period before.
    const surface = await chart.locator(".recharts-wrapper > svg.recharts-surface").boundingBox();
    if (!surface) throw new Error("the chart is not shown");
    await page.mouse.move(surface.x + surface.width - 12, surface.y + surface.height / 2);
    const tooltip = chart.locator(".recharts-tooltip-wrapper");
    const day = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });
    const orders = (n: number) => `${n} ${n === 1 ? "order" : "orders"}`;
    await expect
      .poll(() => tooltip.textContent())
      .toContain(
        `${day.format(new Date(today.day))}: ${formatMoney(today.sales, summary.currency)} · ${orders(today.orders)}`,
      );
    expect(await tooltip.textContent()).toContain(
      `${day.format(new Date(sameDayBefore.day))}: ${formatMoney(sameDayBefore.sales, summary.currency)}`,
    );
  });
});
