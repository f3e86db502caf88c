// Product reviews in a real Chromium, end to end through the development host: a shopper cannot review a
// product before it reaches them; they buy two products signed in, the simulated carrier delivers the
// order, and the reviews service learns of the delivery from the orders topic like in production (no
// seeding); they review both; staff approve (and answer one) through the reviews API, as the admin's
// moderation page would; the product page then shows the summary, the breakdown, the review with its
// markup as plain text, the shop's reply and the JSON-LD rating; helpful votes count once; and the
// listing's "4★ & up" facet and "Top rated" sort follow the ratings the catalog hears of by events.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { createCatalogClient } from "@emporium/catalog/client";
import { launchBrowser, resultCount, waitForHydration } from "./browser";
import {
  approveReviewsOf,
  buyAndReceive,
  moderation,
  reviewOnceDelivered,
  sendReview,
  signUp,
} from "./reviewing";
import { addToCart, findVariants, type Choice } from "./shop";

const baseUrl = inject("baseUrl");
const catalog = createCatalogClient({ url: inject("catalogUrl") });

const HOSTILE_BODY =
  'Keeps tea hot for hours. <script>window.__reviewXss = 1</script><img src="/x.png" onerror="window.__reviewXss = 2">';

let browser: Browser;
const contexts: BrowserContext[] = [];
let loved: Choice;
let disliked: Choice;
/** The category both products are listed in (the deepest one of the first). */
let category: string;

/** A second product from `first`'s category with plenty in stock, so the listing can compare them. */
async function neighbourOf(first: Choice): Promise<Choice> {
  const path = first.product.breadcrumbs.at(-1)?.path;
  if (!path) throw new Error(`${first.product.slug} is in no category`);
  category = path;
  const list = await catalog.product.list.query({ category: path, limit: 40, inStock: true });
  for (const card of list.items) {
    if (card.id === first.product.id) continue;
    const product = await catalog.product.bySlug.query({ slug: card.slug });
    const variant = product.variants.find((v) => v.available >= 20);
    if (variant) return { product, variant };
  }
  throw new Error(`no second product with stock in ${path}`);
}

beforeAll(async () => {
  browser = await launchBrowser();
  const [first] = await findVariants(catalog, 1, { min: 20, max: 10_000 });
  if (!first) throw new Error("no variant to buy");
  loved = first;
  disliked = await neighbourOf(first);
});
afterAll(() => browser?.close());
afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
});

async function freshPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  return context.newPage();
}

interface ProductLd {
  "@type": string;
  aggregateRating?: { ratingValue: number; reviewCount: number };
  review?: {
    author: { name: string };
    reviewBody: string;
    datePublished: string;
    reviewRating: { ratingValue: number };
  }[];
}

async function productJsonLd(page: Page): Promise<ProductLd> {
  const documents = await page
    .locator('script[type="application/ld+json"]')
    .evaluateAll((scripts) => scripts.map((s) => s.textContent ?? ""));
  const product = documents
    .map((text): unknown => JSON.parse(text))
    .find(
      (d): d is ProductLd => typeof d === "object" && d !== null && "@type" in d && d["@type"] === "Product",
    );
  if (!product) throw new Error("no Product JSON-LD on the page");
  return product;
}

/** The category listing once the catalog has heard of the ratings (an event away from approval). */
async function openRatedListing(page: Page): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    await page.goto(`${baseUrl}/c/${category}`);
    if ((await page.getByRole("radio", { name: /^2 stars & up/ }).count()) > 0) return;
    if (Date.now() > deadline) throw new Error("the listing never offered the customer-rating facet");
    await page.waitForTimeout(300);
  }
}

// The tests run in order: the listing test uses the two ratings the first one gives.
describe("product reviews", () => {
  it("lets a shopper review what was delivered to them, and shows it once approved", async () => {
    const page = await freshPage();
    await signUp(page, "Rita Reviewer");

    // Nothing bought yet: no reviews, who can write one, and the form says why it cannot be sent.
    await page.goto(`${baseUrl}/p/${loved.product.slug}`);
    const reviews = page.getByRole("region", { name: "Customer reviews" });
    await reviews.getByText("No reviews yet").waitFor();
    await reviews.getByText(/Shoppers who have received this product can review it/).waitFor();
    expect(await sendReview(page, loved, { rating: 5, title: "Too soon", body: "Not here yet." })).toContain(
      "You can review this product once it has been delivered to you",
    );

    // Buy both, signed in; the carrier delivers.
    await addToCart(page, baseUrl, loved);
    await addToCart(page, baseUrl, disliked);
    await buyAndReceive(page);

    // A missing rating is said on the form before anything is sent.
    await page.goto(`${baseUrl}/p/${loved.product.slug}/review`);
    const form = page.getByRole("form", { name: "Write a review" });
    await waitForHydration(form.getByRole("button", { name: "Submit review" }));
    await form.getByLabel("Title", { exact: true }).fill("No stars");
    await form.getByLabel("Your review", { exact: true }).fill("Forgot the stars.");
    await form.getByRole("button", { name: "Submit review" }).click();
    await form.getByText("Choose a rating from 1 to 5 stars.").waitFor();

    await reviewOnceDelivered(page, loved, { rating: 5, title: "Lovely <b>mug</b>", body: HOSTILE_BODY });
    await reviewOnceDelivered(page, disliked, {
      rating: 2,
      title: "Not for me",
      body: "Smaller than it looks.",
    });

    // A second review of the same product: the shopper sees theirs, waiting for approval, instead.
    await page.goto(`${baseUrl}/p/${loved.product.slug}/review`);
    await page.getByText("You have reviewed this product").waitFor();
    await page.getByText(/Your review is waiting for approval/).waitFor();
    expect(await page.getByRole("form", { name: "Write a review" }).count()).toBe(0);

    // Not shown before approval; staff approve both and answer the first.
    await page.goto(`${baseUrl}/p/${loved.product.slug}`);
    await reviews.getByText("No reviews yet").waitFor();
    const [lovedReview] = await approveReviewsOf([loved.product.id, disliked.product.id]);
    if (!lovedReview) throw new Error("no review approved");
    await moderation.reply.mutate({ reviewId: lovedReview, body: "Thank you, Rita — enjoy the tea!" });

    await page.reload();
    const summary = reviews.getByTestId("rating-summary");
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/5\.0\s*out of 5.*Based on 1 review/);
    await summary.getByRole("img", { name: "Rated 5.0 out of 5" }).waitFor();
    expect(await reviews.getByTestId("rating-distribution").getByRole("listitem").allTextContents()).toEqual([
      "5 stars1 review (100%)",
      "4 stars0 reviews (0%)",
      "3 stars0 reviews (0%)",
      "2 stars0 reviews (0%)",
      "1 star0 reviews (0%)",
    ]);
    // The rating under the title links down to the reviews.
    await page.getByRole("link", { name: /Rated 5\.0 out of 5.*1 review/ }).waitFor();

    const shown = reviews.getByRole("list", { name: "Reviews" }).getByRole("article");
    expect(await shown.count()).toBe(1);
    await shown.getByRole("heading", { name: "Lovely <b>mug</b>", level: 3 }).waitFor();
    await shown.getByRole("img", { name: "5 stars out of 5" }).waitFor();
    await shown.getByText("Rita R.").waitFor();
    await shown.getByText("Verified purchase").waitFor();
    await shown.getByText("Thank you, Rita — enjoy the tea!").waitFor();
    // The markup is the text the shopper typed: shown as characters, never run or rendered.
    expect(await shown.getByTestId("review-body").textContent()).toBe(HOSTILE_BODY);
    expect(await shown.locator("script, img, b").count()).toBe(0);
    expect(await page.evaluate(() => Reflect.get(window, "__reviewXss"))).toBeUndefined();

    const ld = await productJsonLd(page);
    expect(ld.aggregateRating).toMatchObject({ ratingValue: 5, reviewCount: 1 });
    expect(ld.review).toEqual([
      expect.objectContaining({
        author: expect.objectContaining({ name: "Rita R." }),
        reviewBody: HOSTILE_BODY,
        reviewRating: expect.objectContaining({ ratingValue: 5 }),
        datePublished: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      }),
    ]);

    // The author cannot find their own review helpful.
    const ownHelpful = shown.getByRole("button", { name: "Helpful (0)" });
    await waitForHydration(ownHelpful);
    await ownHelpful.click();
    await shown.getByText("You cannot mark your own review as helpful.").waitFor();

    // Another shopper can, once: the count goes up, and a second vote is refused in words.
    const other = await freshPage();
    await signUp(other, "Otto Other");
    await other.goto(`${baseUrl}/p/${loved.product.slug}#reviews`);
    const theirs = other.getByRole("region", { name: "Customer reviews" }).getByRole("article");
    const helpful = theirs.getByRole("button", { name: "Helpful (0)" });
    await waitForHydration(helpful);
    await helpful.click();
    await theirs.getByRole("button", { name: "Helpful (1)" }).waitFor();
    await theirs.getByText("Thanks for your feedback.").waitFor();
    await other.reload();
    const again = theirs.getByRole("button", { name: "Helpful (1)" });
    await waitForHydration(again);
    await again.click();
    await theirs.getByText("You have already marked this review as helpful.").waitFor();
  });

  it("narrows the listing to products rated 4★ & up and sorts by rating", async () => {
    const page = await freshPage();
    await openRatedListing(page);
    const all = await resultCount(page);
    expect(all).toBeGreaterThanOrEqual(2);

    const rating = page.getByRole("group", { name: "Customer rating" });
    await waitForHydration(rating.getByRole("radio", { name: /^4 stars & up\s*, 1 products?$/ }));
    await rating.getByRole("radio", { name: /^4 stars & up/ }).check();
    await page.waitForURL(/[?&]rating=4(&|$)/);
    await expect.poll(() => resultCount(page)).toBe(1);
    const cards = page.getByRole("list", { name: "Products" }).getByRole("listitem");
    expect(await cards.count()).toBe(1);
    await cards.getByRole("link", { name: loved.product.title }).waitFor();
    await cards.getByRole("img", { name: "Rated 5.0 out of 5, 1 review" }).waitFor();
    await page.getByRole("link", { name: /4★ & up/ }).waitFor();

    await rating.getByRole("radio", { name: /^2 stars & up/ }).check();
    await page.waitForURL(/[?&]rating=2(&|$)/);
    await expect.poll(() => resultCount(page)).toBe(2);

    // Top rated: the rated products first, best first.
    await rating.getByRole("radio", { name: "Any rating" }).check();
    await expect.poll(() => resultCount(page)).toBe(all);
    await page.getByRole("combobox", { name: "Sort by" }).selectOption("rating");
    await page.waitForURL(/[?&]sort=rating(&|$)/);
    await expect
      .poll(async () => (await cards.getByRole("heading", { level: 3 }).allTextContents()).slice(0, 2))
      .toEqual([loved.product.title, disliked.product.title]);
  });
});
