// Page speed and accessibility of the storefront (not a test): `npm run pages -w @emporium/bench`.
// Starts the storefront as its browser tests do — a production build (`next build`, `next start`) on the
// development host's backends with 240 seeded products — then, for the home page, a category page, a
// product page and the checkout (with one item in the cart):
//  - Lighthouse 12 with its own default settings, as a phone (simulated slow 4G, 4× CPU slowdown) and
//    with its desktop preset, BENCH_RUNS times each (3), printing the median of each figure;
//  - axe (the browser tests' rules) on the page as loaded: the serious and critical problems it finds;
//  - the Cache-Control the page is answered with.
// Needs PostgreSQL (TEST_DATABASE_URL, as the browser tests) and Chromium (CHROMIUM_PATH, /usr/bin/chromium).
// BENCH_PAGES (home,category,product,checkout) picks pages; BENCH_REPORT_DIR keeps each run's full report
// (JSON, open it in the Lighthouse viewer) to see where the time goes.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { createCatalogClient } from "@emporium/catalog/client";
import { createScratchDatabase } from "@emporium/db/testing";
import { accessibilityProblems, launchBrowser } from "@emporium/testkit/browser";
import { startBrowserStack } from "@emporium/testkit/browser-stack";
import { fmt, intFromEnv, progress } from "../catalog/stats";

const RUNS = intFromEnv("BENCH_RUNS", 3);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const PAGES = (process.env.BENCH_PAGES ?? "home,category,product,checkout").split(",");
const REPORT_DIR = process.env.BENCH_REPORT_DIR;

interface Page {
  name: string;
  path: string;
}

interface Figures {
  scores: Record<(typeof CATEGORIES)[number], number>;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  ttfbMs: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

async function audit(
  url: string,
  port: number,
  form: "mobile" | "desktop",
  cookie: string | null,
  report: string | null,
): Promise<Figures> {
  const result = await lighthouse(
    url,
    {
      port,
      output: "json",
      logLevel: "error",
      onlyCategories: [...CATEGORIES],
      ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
    },
    form === "desktop" ? desktopConfig : undefined,
  );
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const { lhr } = result;
  if (report) writeFileSync(report, JSON.stringify(lhr));
  if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.message}`);
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? Number.NaN) * 100)]),
  ) as Figures["scores"];
  return {
    scores,
    fcpMs: numeric("first-contentful-paint"),
    lcpMs: numeric("largest-contentful-paint"),
    tbtMs: numeric("total-blocking-time"),
    cls: numeric("cumulative-layout-shift"),
    ttfbMs: numeric("server-response-time"),
  };
}

/** Lighthouse now and then fails to record a busy machine's trace (NO_NAVSTART): such a run is run again. */
async function auditWithRetry(...args: Parameters<typeof audit>): Promise<Figures> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await audit(...args);
    } catch (error) {
      if (attempt >= 3) throw error;
      progress(`${error instanceof Error ? error.message : String(error)}; running it again`);
    }
  }
}

function medianOf(runs: Figures[]): Figures {
  const of = (pick: (f: Figures) => number) => median(runs.map(pick));
  return {
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, of((f) => f.scores[c])])) as Figures["scores"],
    fcpMs: of((f) => f.fcpMs),
    lcpMs: of((f) => f.lcpMs),
    tbtMs: of((f) => f.tbtMs),
    cls: of((f) => f.cls),
    ttfbMs: of((f) => f.ttfbMs),
  };
}

async function main(): Promise<void> {
  if (!process.env.TEST_DATABASE_URL)
    throw new Error("set TEST_DATABASE_URL to a PostgreSQL server's admin URL");
  progress("building and starting the storefront (production build) on the development host");
  const stack = await startBrowserStack({
    apps: ["web"],
    singleSignOn: "web",
    seedProducts: 240,
    scratchDatabase: createScratchDatabase,
  });
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  });
  const browser = await launchBrowser();
  try {
    const baseUrl = stack.urlOf("web");
    const catalog = createCatalogClient({ url: stack.catalogUrl });
    const category = (await catalog.category.tree.query())[0];
    if (!category) throw new Error("the seeded catalog has no category");
    const listing = await catalog.product.list.query({ category: category.slug, limit: 1 });
    const product = listing.items[0];
    if (!product) throw new Error(`category ${category.slug} has no product`);
    const pages: Page[] = [
      { name: "home", path: "/" },
      { name: "category", path: `/c/${category.slug}` },
      { name: "product", path: `/p/${product.slug}` },
      { name: "checkout", path: "/checkout" },
    ].filter((p) => PAGES.includes(p.name));
    if (REPORT_DIR) mkdirSync(REPORT_DIR, { recursive: true });

    // One item in a cart, so the checkout shows its form; its cookie goes with every Lighthouse request.
    const shopper = await browser.newPage();
    await shopper.goto(`${baseUrl}/p/${product.slug}`);
    await shopper.getByRole("button", { name: "Add to cart" }).click();
    await shopper.getByRole("dialog", { name: "Your cart" }).getByRole("listitem").first().waitFor();
    const cookie = (await shopper.context().cookies(baseUrl)).map((c) => `${c.name}=${c.value}`).join("; ");

    const rows: string[][] = [];
    for (const page of pages) {
      const url = `${baseUrl}${page.path}`;
      // The product page keeps asking for live stock, so the network never goes quiet: "load" it is.
      await shopper.goto(url, { waitUntil: "load" });
      const axe = await accessibilityProblems(shopper);
      const cacheControl = (await fetch(url)).headers.get("cache-control") ?? "";
      for (const form of ["mobile", "desktop"] as const) {
        const runs: Figures[] = [];
        for (let i = 0; i < RUNS; i++) {
          progress(`${page.name} ${form}: Lighthouse run ${i + 1} of ${RUNS}`);
          const report = REPORT_DIR ? path.join(REPORT_DIR, `${page.name}-${form}-${i + 1}.json`) : null;
          runs.push(
            await auditWithRetry(url, chrome.port, form, page.name === "checkout" ? cookie : null, report),
          );
        }
        const m = medianOf(runs);
        rows.push([
          page.name,
          form,
          ...CATEGORIES.map((c) => fmt(m.scores[c])),
          fmt(m.fcpMs),
          fmt(m.lcpMs),
          fmt(m.tbtMs),
          fmt(m.cls, 3),
          fmt(m.ttfbMs),
          String(axe.length),
          cacheControl,
        ]);
      }
      if (axe.length > 0)
        console.log(`axe on ${page.name}: ${axe.map((v) => `${v.id} (${v.impact})`).join(", ")}`);
    }
    const header = [
      "page",
      "as",
      "perf",
      "a11y",
      "best pr.",
      "SEO",
      "FCP ms",
      "LCP ms",
      "TBT ms",
      "CLS",
      "TTFB ms",
      "axe",
      "Cache-Control",
    ];
    console.log(
      `\nLighthouse 12 (median of ${RUNS} runs per row; default settings, desktop preset for "desktop"), axe serious+critical problems, the page's Cache-Control`,
    );
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
    for (const line of [header, ...rows])
      console.log(line.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  "));
  } finally {
    await browser.close();
    chrome.kill();
    await stack.stop();
  }
}

await main();
