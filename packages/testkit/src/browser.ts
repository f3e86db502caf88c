// A real Chromium for browser tests (playwright-core drives the system browser; no download).
import { chromium, type Browser, type Locator } from "playwright-core";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
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
