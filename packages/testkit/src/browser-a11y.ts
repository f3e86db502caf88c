// Accessibility checks for browser tests: axe-core run on the page as it stands, failing on any serious
// or critical violation. Two rules axe leaves off by default are switched on because people meet what
// they catch: an accessible name that does not contain the visible label (speech users say what they
// see), and headings that skip a level.
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";

export type AxeViolation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

const FAILING_IMPACTS = new Set(["serious", "critical"]);
/** Rules checked beyond axe's defaults; `heading-order` fails at any impact. */
const ALSO_FAILING = new Set(["heading-order"]);

/** What axe finds wanting on the page as it stands: the serious and critical violations, and heading-order. */
export async function accessibilityProblems(page: Page): Promise<AxeViolation[]> {
  // Legacy mode runs axe inside the page itself, so pages opened with browser.newPage() can be checked
  // too (the default opens a second page in the same context, which such pages do not allow).
  const results = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .options({
      rules: { "label-content-name-mismatch": { enabled: true }, "heading-order": { enabled: true } },
    })
    .analyze();
  return results.violations.filter((v) => FAILING_IMPACTS.has(v.impact ?? "") || ALSO_FAILING.has(v.id));
}

/** Throws, listing each failing rule with the elements it found, if axe finds the page wanting. */
export async function expectAccessible(page: Page): Promise<void> {
  const failing = await accessibilityProblems(page);
  if (failing.length === 0) return;
  const report = failing.map(
    (v) =>
      `- ${v.id} (${v.impact ?? "no impact"}): ${v.help}\n` +
      v.nodes
        .map((n) => `    ${n.target.join(" ")}: ${n.failureSummary ?? ""}`.replace(/\n/g, " "))
        .join("\n"),
  );
  throw new Error(
    `axe found ${failing.length} accessibility problem(s) on ${page.url()}:\n${report.join("\n")}`,
  );
}
