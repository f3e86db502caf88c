// A real Chromium for the e2e tests (playwright-core drives the system browser; no download).
import type { Page } from "playwright-core";
export {
  allowPageProblems,
  expectAccessible,
  launchBrowser,
  waitForHydration,
} from "@emporium/testkit/browser";

/** The text of the result count ("42 products") as a number. */
export async function resultCount(page: Page): Promise<number> {
  const text = (await page.getByTestId("result-count").textContent()) ?? "";
  const match = /([\d,]+) products?/.exec(text);
  if (!match?.[1]) throw new Error(`no result count in "${text}"`);
  return Number(match[1].replace(/,/g, ""));
}

export interface FacetOptionView {
  value: string;
  label: string;
  count: number;
  checked: boolean;
  disabled: boolean;
}

/** The checkboxes of one facet as a shopper reads them: "Linnea, 19 products", ticked or not. */
export function facetOptions(page: Page, legend: string): Promise<FacetOptionView[]> {
  return page.getByRole("group", { name: legend, exact: true }).evaluate((fieldset) =>
    Array.from(fieldset.querySelectorAll<HTMLInputElement>("input[type=checkbox]")).map((input) => {
      const text = fieldset.querySelector(`label[for="${CSS.escape(input.id)}"]`)?.textContent ?? "";
      const match = /^(.*), (\d+) products?$/.exec(text);
      return {
        value: input.value,
        label: match?.[1] ?? text,
        count: Number(match?.[2] ?? Number.NaN),
        checked: input.checked,
        disabled: input.disabled,
      };
    }),
  );
}
