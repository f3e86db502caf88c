// Creating and editing products in a real Chromium: a manager builds a product with two options (its
// variants multiply out), is told clearly what is wrong with a bad form, edits the details, adds a
// variant; a support user has no way in, and the catalog refuses their direct call.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { TRPCClientError } from "@trpc/client";
import { signServiceToken, tokenKey } from "@emporium/auth";
import { createCatalogClient } from "@emporium/catalog/client";
import { expectAccessible, launchBrowser, waitForHydration } from "@emporium/testkit/browser";
import { submitSignIn } from "./sign-in";

const adminUrl = inject("adminUrl");
const catalog = createCatalogClient({ url: inject("catalogUrl") });
const key = tokenKey(inject("serviceTokenSecret"));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("products", () => {
  it("lets a manager create a product with options, fix a refused form, edit it and add a variant", async () => {
    const page = await browser.newPage();
    await submitSignIn(page, "manager@emporium.local", "manager-password");
    await page.getByTestId("signed-in-as").waitFor();
    await page.goto(`${adminUrl}/products`);
    await page.getByRole("link", { name: "New product" }).click();
    const form = page.getByRole("form", { name: "New product" });
    const create = form.getByRole("button", { name: "Create product" });
    await waitForHydration(create);
    await expectAccessible(page);

    await form.getByLabel("Title").fill("Tidewater Canvas Tote");
    await form.getByLabel("Description").fill("A heavy canvas tote with a leather base.");
    await form.getByLabel("Primary category").selectOption({ index: 2 });
    await form.getByLabel("SKU prefix").fill("TIDE-TOTE");
    await form.getByLabel("Price (USD)", { exact: true }).fill("49.00");
    await form.getByLabel("Option 1 name").fill("Colour");
    await form.getByLabel("Option 1 values").fill("Natural, Olive, Olive");
    await form.getByLabel("Option 2 name").fill("Size");
    await form.getByLabel("Option 2 values").fill("Standard, Large");
    await form.getByLabel(/Publish now/).check();
    await create.click();
    // A repeated value is refused by name, in an alert and at the field; nothing is created.
    await expect.poll(() => form.getByRole("alert").textContent()).toMatch(/"Olive" repeats value 2/);
    expect(await form.getByLabel("Option 1 values").getAttribute("aria-invalid")).toBe("true");
    const before = await catalog.product.bySlug.query({ slug: "tidewater-canvas-tote" }).then(
      () => "found",
      () => "missing",
    );
    expect(before).toBe("missing");

    await form.getByLabel("Option 1 values").fill("Natural, Olive");
    await create.click();
    await page.waitForURL(/\/products\/[0-9a-f-]{36}\?created=1$/);
    await page.getByText("Product created", { exact: true }).waitFor();
    await page.getByRole("heading", { name: "Tidewater Canvas Tote" }).waitFor();
    for (const sku of [
      "TIDE-TOTE-NATURAL-STANDARD",
      "TIDE-TOTE-NATURAL-LARGE",
      "TIDE-TOTE-OLIVE-STANDARD",
      "TIDE-TOTE-OLIVE-LARGE",
    ])
      await page.getByRole("cell", { name: sku, exact: true }).waitFor();

    // The storefront's catalog serves it (published at creation), every variant sold out for now.
    const shopView = await catalog.product.bySlug.query({ slug: "tidewater-canvas-tote" });
    expect(shopView.variants.map((v) => v.sku).sort()).toEqual([
      "TIDE-TOTE-NATURAL-LARGE",
      "TIDE-TOTE-NATURAL-STANDARD",
      "TIDE-TOTE-OLIVE-LARGE",
      "TIDE-TOTE-OLIVE-STANDARD",
    ]);

    // Details edited in place.
    await page.getByText("Edit details").click();
    const details = page.getByRole("form", { name: "Product details" });
    const save = details.getByRole("button", { name: "Save details" });
    await waitForHydration(save);
    await details.getByLabel("Title").fill("Tidewater Canvas Tote Bag");
    await save.click();
    await details.getByRole("status").filter({ hasText: "Details saved" }).waitFor();
    await page.getByRole("heading", { name: "Tidewater Canvas Tote Bag" }).waitFor();

    // One more variant, with a new colour.
    const variantForm = page.getByRole("form", { name: "Add a variant" });
    const add = variantForm.getByRole("button", { name: "Add variant" });
    await waitForHydration(add);
    await variantForm.getByLabel("Colour").fill("Rust");
    await variantForm.getByLabel("Size").fill("Large");
    await variantForm.getByLabel("SKU").fill("TIDE-TOTE-RUST-LARGE");
    await variantForm.getByLabel("Price (USD)", { exact: true }).fill("54.00");
    await add.click();
    await variantForm.getByRole("status").filter({ hasText: "Variant TIDE-TOTE-RUST-LARGE added" }).waitFor();
    await page.getByRole("cell", { name: "TIDE-TOTE-RUST-LARGE", exact: true }).waitFor();
    await page.close();
  });

  it("imports a CSV only when every row is right, listing each problem by line and column", async () => {
    const page = await browser.newPage();
    await submitSignIn(page, "manager@emporium.local", "manager-password");
    await page.getByTestId("signed-in-as").waitFor();
    await page.goto(`${adminUrl}/products`);
    await page.getByRole("link", { name: "Import CSV" }).click();
    const form = page.getByRole("form", { name: "Import products" });
    const check = form.getByRole("button", { name: "Check file" });
    await waitForHydration(check);
    const template = await page.request.get(`${adminUrl}/products/import/template`);
    expect((await template.text()).split("\r\n")[0]).toMatch(/^title,slug,description,brand,categories/);

    const header = "title,status,price,sku_prefix,brand,option1_name,option1_values";
    const good = [
      "Driftwood Enamel Mug,published,18.00,DRIFT-MUG,,Colour,Ash|Moss",
      '"Driftwood Linen Napkins, Set of 4",published,24.50,DRIFT-NAPKIN,,,',
    ];
    const file = (lines: string[]) => ({
      name: "products.csv",
      mimeType: "text/csv",
      buffer: Buffer.from([header, ...lines].join("\r\n")),
    });
    await form
      .getByLabel("CSV file")
      .setInputFiles(file([...good, "Driftwood Bad Row,published,12.345,DRIFT-BAD,No Such Brand,,"]));
    await check.click();
    const problems = page.getByRole("region", { name: "Problems" });
    await page.getByRole("alert").filter({ hasText: "Nothing was imported" }).waitFor();
    const rows = problems.getByRole("row");
    await expect.poll(() => rows.count()).toBe(3); // header + two problems on line 4
    expect(await rows.nth(1).textContent()).toMatch(/^4brandno brand is called "No Such Brand"/);
    expect(await rows.nth(2).textContent()).toMatch(/^4price/);
    const missing = await catalog.product.bySlug.query({ slug: "driftwood-enamel-mug" }).then(
      () => "found",
      () => "missing",
    );
    expect(missing).toBe("missing");

    await form.getByLabel("CSV file").setInputFiles(file(good));
    await check.click();
    await page.getByRole("button", { name: "Import 2 products" }).click();
    await page.getByText("Imported 2 products").waitFor();
    const mug = await catalog.product.bySlug.query({ slug: "driftwood-enamel-mug" });
    expect(mug.variants.map((v) => v.sku)).toEqual(["DRIFT-MUG-ASH", "DRIFT-MUG-MOSS"]);
    await catalog.product.bySlug.query({ slug: "driftwood-linen-napkins-set-of-4" });

    // The export is written in the import's columns: imported back as it is, it changes nothing.
    const exported = await page.request.get(`${adminUrl}/products/export?q=Driftwood`);
    const csv = await exported.text();
    expect(csv.split("\r\n")[0]).toMatch(/^title,slug,description,brand,categories/);
    await form
      .getByLabel("CSV file")
      .setInputFiles({ name: "export.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await check.click();
    await page.getByRole("button", { name: "Import 2 products" }).click();
    await page.getByText("Imported 0 products; 2 already in the shop as written, left unchanged").waitFor();
    expect(await catalog.product.bySlug.query({ slug: "driftwood-enamel-mug" })).toEqual(mug);
    await page.close();
  });

  it("gives a support user no way to create products, and the catalog refuses them", async () => {
    const page = await browser.newPage();
    await submitSignIn(page, "support@emporium.local", "support-password");
    await page.getByTestId("signed-in-as").waitFor();
    await page.goto(`${adminUrl}/products`);
    await page.getByRole("heading", { name: "Products" }).waitFor();
    expect(await page.getByRole("link", { name: "New product" }).count()).toBe(0);
    await page.goto(`${adminUrl}/products/new`);
    await page.waitForURL(/\/products$/);
    await page.close();

    const asSupport = createCatalogClient({
      url: inject("catalogUrl"),
      headers: async () => ({
        authorization: `Bearer ${await signServiceToken({ kind: "staff", userId: "support", email: "support@emporium.local", role: "support" }, key)}`,
      }),
    });
    const refused = await asSupport.admin.products.create
      .mutate({ title: "Not allowed", skuPrefix: "NOPE", price: 100 })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refused).toBeInstanceOf(TRPCClientError);
    expect((refused as TRPCClientError<never>).data).toMatchObject({ code: "FORBIDDEN", httpStatus: 403 });
  });
});
