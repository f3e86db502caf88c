// A real Chromium for browser tests (playwright-core drives the system browser; no download).
import { chromium, type Browser, type Locator } from "playwright-core";
import { watchContext } from "./browser-errors";

export { accessibilityProblems, expectAccessible } from "./browser-a11y";
export {
  allowPageProblems,
  assertNoPageProblems,
  takePageProblems,
  type PageProblem,
} from "./browser-errors";

export interface LaunchOptions {
  /**
   * Keep the browser's back/forward cache on. playwright-core turns it off by default (so a history
   * navigation always reaches the server); a test of whether pages may enter it turns it back on.
   */
  backForwardCache?: boolean;
}

/**
 * Launches Chromium. Every context and page it opens is watched for console errors and uncaught
 * exceptions, which fail the running test (see browser-errors.ts and browser-setup.ts).
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    ...(options.backForwardCache ? { ignoreDefaultArgs: ["--disable-back-forward-cache"] } : {}),
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    watchContext(context);
    return context;
  };
  browser.newPage = async (options) => {
    const page = await newPage(options);
    watchContext(page.context());
    return page;
  };
  return browser;
}

/**
 * Waits until React has hydrated the element, i.e. its event handlers are attached. Clicking before
 * that would be a plain-HTML click (still correct, but not what the test is about).
 */
export async function waitForHydration(locator: Locator): Promise<void> {
  await locator.waitFor();
  await locator
    .page()
    .waitForFunction(
      (element) => element !== null && Object.keys(element).some((key) => key.startsWith("__reactFiber")),
      await locator.elementHandle(),
    );
}
