// The launched browser reports what its pages logged as errors or threw, and nothing for a clean page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { allowPageProblems, assertNoPageProblems, launchBrowser, takePageProblems } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("launchBrowser's pages", () => {
  it("report a console error and an uncaught exception, on pages of new contexts too", async () => {
    const page = await browser.newPage();
    await page.setContent(`<script>console.error("the widget broke")</script>`);
    const context = await browser.newContext();
    const other = await context.newPage();
    await other.setContent(`<script>setTimeout(() => { throw new Error("kaput") })</script>`);
    const seen: string[] = [];
    await expect
      .poll(() => {
        seen.push(...takePageProblems().map((p) => `${p.kind}: ${p.text}`));
        return seen.join("\n");
      })
      .toMatch(
        /(console error: the widget broke.*uncaught exception: Error: kaput|uncaught exception: Error: kaput.*console error: the widget broke)/s,
      );
    await page.setContent(`<script>console.error("again")</script>`);
    await expect.poll(() => takePageProblems().length > 0 || "none").toBe(true);
    await page.setContent(`<script>console.error("and again")</script>`);
    await expect
      .poll(() => {
        try {
          assertNoPageProblems();
          return "";
        } catch (error) {
          return String(error);
        }
      })
      .toMatch(/problem.*console error.*and again/s);
    await context.close();
    await page.close();
  });

  it("report nothing for a page that only logs and works", async () => {
    takePageProblems();
    const page = await browser.newPage();
    await page.setContent(`<script>console.log("fine"); console.warn("noted")</script><p>ok</p>`);
    await page.getByText("ok").waitFor();
    expect(() => assertNoPageProblems()).not.toThrow();
    await page.close();
  });

  it("let through only what a test allowed on that page", async () => {
    takePageProblems();
    const provoking = await browser.newPage();
    allowPageProblems(provoking, "this test logs it on purpose", /^expected breakage$/);
    const other = await browser.newPage();
    await provoking.setContent(`<script>console.error("expected breakage")</script>`);
    await other.setContent(`<script>console.error("expected breakage")</script>`);
    await expect.poll(() => takePageProblems().map((p) => p.text)).toEqual(["expected breakage"]);
    await provoking.setContent(`<script>console.error("expected breakage")</script><p>done</p>`);
    await provoking.getByText("done").waitFor();
    expect(takePageProblems()).toEqual([]);
    await provoking.close();
    await other.close();
  });
});
