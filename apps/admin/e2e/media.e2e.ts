// Product images in a real Chromium: a manager uploads a PNG made here, which the browser sends
// straight to the storage (the embedded store's signed form, through the admin's /uploads), and sees
// it listed and served by the catalog as WebP; a text file renamed .png is refused with the catalog's
// message. Support staff see the images without the controls.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createCatalogClient } from "@emporium/catalog/client";
import { launchBrowser, waitForHydration } from "@emporium/testkit/browser";
import { submitSignIn } from "./sign-in";

const adminUrl = inject("adminUrl");
const catalogOrigin = new URL(inject("catalogUrl")).origin;
const catalog = createCatalogClient({ url: inject("catalogUrl") });

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function someProduct() {
  const list = await catalog.product.list.query({ limit: 5, sort: "newest" });
  const card = list.items[1] ?? list.items[0];
  if (!card) throw new Error("the seeded catalog has no products");
  return catalog.product.bySlug.query({ slug: card.slug });
}

async function signIn(page: Page, who: "manager" | "support") {
  await submitSignIn(page, `${who}@emporium.local`, `${who}-password`);
  await page.getByTestId("signed-in-as").waitFor();
}

async function upload(page: Page, file: { name: string; mimeType: string; buffer: Buffer }, alt: string) {
  const form = page.getByRole("form", { name: "Add an image" });
  const submit = form.getByRole("button", { name: "Upload image" });
  await waitForHydration(submit);
  await form.getByLabel("Image file").setInputFiles(file);
  await form.getByLabel("Alt text").fill(alt);
  await submit.click();
}

describe("product media", () => {
  it("lets a manager upload an image the catalog then serves, and refuses a renamed text file", async () => {
    const product = await someProduct();
    const page = await browser.newPage();
    await signIn(page, "manager");
    await page.goto(`${adminUrl}/products/${product.id}`);
    await page.getByRole("heading", { name: "Media" }).waitFor();

    const png = await sharp({
      create: { width: 900, height: 1100, channels: 3, background: { r: 42, g: 157, b: 143 } },
    })
      .png()
      .toBuffer();
    const alt = "Teal swatch made by the browser test";
    await upload(page, { name: "teal swatch.png", mimeType: "image/png", buffer: png }, alt);
    const status = page.getByTestId("media-upload-status");
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toBe("Image added");

    const image = page.getByRole("list", { name: "Product images" }).getByRole("img", { name: alt });
    await image.waitFor();
    const src = await image.getAttribute("src");
    expect(src).toMatch(new RegExp(`^/media/products/${product.slug}/[0-9a-f-]{36}-1600\\.webp$`));
    // The browser loaded it through the admin; the catalog serves the same WebP to the storefront.
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(900);
    const served = await fetch(`${catalogOrigin}${src}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/webp");
    const shop = await catalog.product.bySlug.query({ slug: product.slug });
    expect(shop.media.map((m) => m.url)).toContain(src);

    await upload(
      page,
      {
        name: "notes.png",
        mimeType: "image/png",
        buffer: Buffer.from("meeting notes, not a picture\n".repeat(20)),
      },
      "Not really an image",
    );
    await expect
      .poll(() => status.textContent(), { timeout: 30_000 })
      .toMatch(
        /^The file is not an image \(its content is not JPEG, PNG, WebP or AVIF, whatever its name says\)$/,
      );
    expect(await page.getByRole("img", { name: "Not really an image" }).count()).toBe(0);
    await page.close();
  });

  it("refuses an upload larger than any form allows at once, with 413", async () => {
    // Forwarded to the catalog, such a body was answered 500 after 30 s.
    const res = await fetch(`${adminUrl}/uploads`, {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body: Buffer.alloc(50 * 1024 * 1024, 120),
    });
    expect(res.status).toBe(413);
    expect(await res.text()).toMatch(/The upload is 50 MB; an image may be at most 10 MB/);
  });

  it("shows support staff the images without upload or remove controls", async () => {
    const product = await someProduct();
    const page = await browser.newPage();
    await signIn(page, "support");
    await page.goto(`${adminUrl}/products/${product.id}`);
    await page
      .getByText("Your role can view images; managers and owners add, order and remove them.")
      .waitFor();
    expect(await page.getByRole("form", { name: "Add an image" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Remove image/ }).count()).toBe(0);
    await page.close();
  });
});
