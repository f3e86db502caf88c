// A review with a photo in a real Chromium, end to end through the development host: a shopper whose
// order was delivered attaches a file that is not an image — first one the browser calls text (the
// storefront refuses it), then one named and declared a PNG that holds text (the reviews service looks at
// its content and refuses it) — and each time the form names the photo and keeps the review she typed.
// Then a real PNG with its description goes through the upload form the reviews service signs; once staff
// approve the review, the product page shows the photo's thumbnail described by her text, and the image
// answers to anyone with an image.
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createCatalogClient } from "@emporium/catalog/client";
import { launchBrowser } from "./browser";
import {
  answerOnceDelivered,
  approveReviewsOf,
  buyAndReceive,
  reviewOnceDelivered,
  sendReview,
  signUp,
  type Written,
} from "./reviewing";
import { addToCart, plentifulVariantIn, type Choice } from "./shop";

const baseUrl = inject("baseUrl");
const catalog = createCatalogClient({ url: inject("catalogUrl") });

const REVIEW = {
  rating: 5,
  title: "Survived a week of rain",
  body: "Kept everything dry on a wet hike; the straps did not rub once.",
};
const ALT = "The pack on a muddy trail, rain beading on the fabric";
const PHOTOS_AGAIN = "Choose your photos again before sending.";

let browser: Browser;
let context: BrowserContext;
let page: Page;
let choice: Choice;

/** A real photo-sized PNG: a colour gradient, 640 × 480. */
async function photoPng(): Promise<Buffer> {
  const width = 640;
  const height = 480;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3;
      pixels[at] = (x * 255) / width;
      pixels[at + 1] = (y * 255) / height;
      pixels[at + 2] = 128;
    }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

/** The review form's typed fields as they are now. */
async function typedReview(form: Locator): Promise<{ title: string; body: string }> {
  return {
    title: await form.getByLabel("Title", { exact: true }).inputValue(),
    body: await form.getByLabel("Your review", { exact: true }).inputValue(),
  };
}

const withFile = (name: string, mimeType: string, buffer: Buffer, alt = ALT): Written => ({
  ...REVIEW,
  photos: [{ file: { name, mimeType, buffer }, alt }],
});

beforeAll(async () => {
  browser = await launchBrowser();
  // Not from the categories the other review tests rate, so their listings' ratings stay their own.
  choice = await plentifulVariantIn(catalog, "sports-outdoors");
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});
afterAll(() => browser?.close());

// In order, as one shopper: the refusals come first, as the product can be reviewed only once.
describe("a review with a photo", () => {
  it("refuses a file that is not an image, naming the photo and keeping the review typed", async () => {
    await signUp(page, "Pia Photographer");
    await addToCart(page, baseUrl, choice);
    await buyAndReceive(page);
    const form = page.getByRole("form", { name: "Write a review" });

    const notes = Buffer.from("packing list: tent, stove, rain cover\n".repeat(20));
    const text = await sendReview(page, choice, withFile("packing-list.txt", "text/plain", notes));
    expect(text).toBe(`Photo 1 (packing-list.txt) is not a JPEG, PNG, WebP or AVIF image. ${PHOTOS_AGAIN}`);
    expect(await typedReview(form)).toEqual({ title: REVIEW.title, body: REVIEW.body });

    // Named and declared a PNG, so only the reviews service, reading its content, can tell.
    const disguised = await answerOnceDelivered(page, choice, withFile("trail.png", "image/png", notes));
    expect(disguised).toMatch(/^We could not add your photos: photo 1: the file is not an image\b/);
    expect(disguised).toContain(PHOTOS_AGAIN);
    expect(await typedReview(form)).toEqual({ title: REVIEW.title, body: REVIEW.body });
  });

  it("shows the approved review's photo with its description, served as an image", async () => {
    await reviewOnceDelivered(page, choice, withFile("trail.png", "image/png", await photoPng()));
    await approveReviewsOf([choice.product.id]);

    await page.goto(`${baseUrl}/p/${choice.product.slug}`);
    const reviews = page.getByRole("region", { name: "Customer reviews" });
    const item = reviews
      .getByRole("list", { name: "Reviews" })
      .getByRole("listitem")
      .filter({ hasText: REVIEW.body });
    const thumbnail = item.getByRole("list", { name: "Photos" }).getByRole("img", { name: ALT, exact: true });
    await thumbnail.waitFor();
    await thumbnail.scrollIntoViewIfNeeded();
    await expect
      .poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);

    // Anyone may see it now (no cookies here): the thumbnail and the full-size photo it links to.
    const src = await thumbnail.getAttribute("src");
    const href = await item.getByRole("link", { name: ALT, exact: true }).getAttribute("href");
    for (const path of [src, href]) {
      expect(path).toMatch(/^\/review-photos\//);
      const res = await fetch(`${baseUrl}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^image\//);
      const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
      expect(meta.width).toBeGreaterThan(0);
    }
  });
});
