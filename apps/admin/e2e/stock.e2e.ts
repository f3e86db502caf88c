// Stock in a real Chromium: a manager adjusts a product's stock with a reason (a change that would
// take away reserved units is refused in place), sees the new figure and the history entry; a support
// user sees the figures without the forms, and the inventory refuses their direct API call itself.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { TRPCClientError } from "@trpc/client";
import { signServiceToken, tokenKey } from "@emporium/auth";
import { createCatalogClient } from "@emporium/catalog/client";
import { createInventoryClient } from "@emporium/inventory/client";
import { launchBrowser, waitForHydration } from "@emporium/testkit/browser";
import { submitSignIn } from "./sign-in";

const adminUrl = inject("adminUrl");
const catalog = createCatalogClient({ url: inject("catalogUrl") });
const key = tokenKey(inject("serviceTokenSecret"));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** The cheapest published product (the other suites change the newest ones). */
async function someProduct() {
  const list = await catalog.product.list.query({ limit: 5, sort: "price_asc" });
  const card = list.items[0];
  if (!card) throw new Error("the seeded catalog has no products");
  return catalog.product.bySlug.query({ slug: card.slug });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The stock table's row for "Variant — Location" (its header cell starts with that label). */
const stockRow = (page: Page, label: string) =>
  page.getByRole("table", { name: "Stock" }).getByRole("row", { name: new RegExp(`^${escape(label)}`) });

async function signInAs(page: Page, who: "manager" | "support", role: string) {
  await submitSignIn(page, `${who}@emporium.local`, `${who}-password`);
  await page
    .getByTestId("signed-in-as")
    .getByText(new RegExp(`· ${role}$`))
    .waitFor();
}

describe("stock per location", () => {
  let productId: string;
  let levelLabel: string;
  let onHandAfter: number;

  it("lets a manager adjust stock with a reason and shows the figure and the history", async () => {
    const product = await someProduct();
    productId = product.id;
    const page = await browser.newPage();
    await signInAs(page, "manager", "Manager");
    await page.goto(`${adminUrl}/products/${product.id}`);
    await page.getByRole("heading", { name: "Stock", level: 2 }).waitFor();

    const form = page.getByRole("form", { name: "Adjust stock" });
    const save = form.getByRole("button", { name: "Save adjustment" });
    await waitForHydration(save);
    const level = form.getByLabel("Variant and location");
    const first = level.locator("option").first();
    levelLabel = (await first.textContent()) ?? "";
    await level.selectOption({ index: 0 });

    // Taking away more than is there is refused in place, naming the field, and changes nothing.
    await form.getByLabel("Change in units").fill("-100000");
    await form.getByLabel("Reason").selectOption("damaged");
    await save.click();
    await expect
      .poll(() => form.getByRole("status").textContent())
      .toMatch(/Not saved\. Change in units: cannot remove 100000; at most \d+ can be removed here/);
    expect(await form.getByLabel("Change in units").getAttribute("aria-invalid")).toBe("true");

    // No reason: the browser itself refuses to send the form.
    await form.getByLabel("Change in units").fill("7");
    await form.getByLabel("Reason").selectOption("");
    await save.click();
    expect(
      await form.getByLabel("Reason").evaluate((el) => (el as HTMLSelectElement).validity.valueMissing),
    ).toBe(true);

    await form.getByLabel("Reason").selectOption("received");
    await form.getByLabel("Note").fill("e2e delivery 42");
    await save.click();
    await expect
      .poll(() => form.getByRole("status").textContent())
      .toMatch(/^Stock increased by 7: \d+ on hand$/);
    onHandAfter = Number(/(\d+) on hand/.exec((await form.getByRole("status").textContent()) ?? "")?.[1]);

    // The table shows the new on-hand figure; the history names the reason, the note and who.
    await expect
      .poll(() => stockRow(page, levelLabel).getByRole("cell").first().textContent())
      .toBe(String(onHandAfter));
    const history = page.getByRole("table", { name: "Recent adjustments" });
    const entry = history.getByRole("row").filter({ hasText: "e2e delivery 42" });
    await entry.waitFor();
    expect(await entry.textContent()).toMatch(/\+7.*Received: e2e delivery 42.*manager@emporium\.local/);
    await page.close();
  });

  it("shows support staff the figures without the forms, and the inventory refuses them", async () => {
    const page = await browser.newPage();
    await signInAs(page, "support", "Support");
    await page.goto(`${adminUrl}/products/${productId}`);
    await page.getByRole("heading", { name: "Stock", level: 2 }).waitFor();
    expect(await stockRow(page, levelLabel).getByRole("cell").first().textContent()).toBe(
      String(onHandAfter),
    );
    await page.getByRole("table", { name: "Recent adjustments" }).getByText("e2e delivery 42").waitFor();
    expect(await page.getByRole("form", { name: "Adjust stock" }).count()).toBe(0);
    expect(await page.getByRole("form", { name: "Low-stock threshold" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Save adjustment" }).count()).toBe(0);
    await page.close();

    const asSupport = createInventoryClient({
      url: inject("inventoryUrl"),
      headers: async () => ({
        authorization: `Bearer ${await signServiceToken(
          {
            kind: "staff",
            userId: "00000000-0000-4000-8000-000000000003",
            email: "support@emporium.local",
            role: "support",
          },
          key,
        )}`,
      }),
    });
    const product = await catalog.product.bySlug.query({ slug: (await someProduct()).slug });
    const variantId = product.variants[0]?.id ?? "";
    const before = await asSupport.admin.stock.byVariants.query({ variantIds: [variantId] });
    const refused = await asSupport.admin.stock.adjust
      .mutate({ variantId, locationId: before.locations[0]?.id ?? "", delta: 1, reason: "received" })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refused).toBeInstanceOf(TRPCClientError);
    expect((refused as TRPCClientError<never>).data).toMatchObject({ code: "FORBIDDEN", httpStatus: 403 });
    expect(await asSupport.admin.stock.byVariants.query({ variantIds: [variantId] })).toEqual(before);
  });
});
