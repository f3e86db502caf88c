// Editing one's own review in a real Chromium, end to end through the development host: a shopper whose
// order was delivered writes a review; once staff have published it, the product page shows her its state
// and the way to edit it; staff then take it down with a reason, which her review page shows above the
// edit form, filled in with what she wrote. An edit that changes nothing is refused in words; changing the
// rating and the text saves it back into moderation (staff see the new text) and says so in the form's
// live region. The account page's "Your reviews" lists it with its product, stars and state, and leads
// back to the form. Without JavaScript the same form saves too, and a refusal keeps what was typed.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createCatalogClient } from "@emporium/catalog/client";
import { launchBrowser, waitForHydration } from "./browser";
import {
  approveReviewsOf,
  buyAndReceive,
  moderation,
  reviewOnceDelivered,
  signUp,
  starsName,
  waitingReviewOf,
} from "./reviewing";
import { addToCart, plentifulVariantIn, type Choice } from "./shop";

const baseUrl = inject("baseUrl");
const catalog = createCatalogClient({ url: inject("catalogUrl") });

const FIRST = { rating: 4, title: "Comfortable from day one", body: "Fits well, no blisters." };
const EDITED_BODY = "Comfortable at first, but the sole came loose after <b>two weeks</b> of walking.";
const REASON = "Please say more about the shoes themselves.";

let browser: Browser;
let context: BrowserContext;
let page: Page;
let choice: Choice;
let reviewPath: string;

beforeAll(async () => {
  browser = await launchBrowser();
  // Not from the categories the other reviews test rates, so its listings' ratings stay its own.
  choice = await plentifulVariantIn(catalog, "footwear");
  reviewPath = `/p/${choice.product.slug}/review`;
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});
afterAll(() => browser?.close());

// The tests run in order, as one shopper: the later ones edit the review the first one writes.
describe("editing one's own review", () => {
  it("shows a published review's state on the product page, and a taken-down one's reason above the filled-in form", async () => {
    await signUp(page, "Edna Editor");
    const yours = page.getByRole("region", { name: "Your reviews" });
    await yours.getByText("You have not reviewed anything yet").waitFor();

    await addToCart(page, baseUrl, choice);
    await buyAndReceive(page);
    await reviewOnceDelivered(page, choice, FIRST);
    const [reviewId] = await approveReviewsOf([choice.product.id]);
    if (!reviewId) throw new Error("no review approved");

    await page.goto(`${baseUrl}/p/${choice.product.slug}`);
    const reviews = page.getByRole("region", { name: "Customer reviews" });
    await reviews.getByRole("list", { name: "Reviews" }).getByText(FIRST.body).waitFor();
    const note = reviews.getByTestId("own-review-note");
    await note.getByText("Published").waitFor();
    await note.getByRole("img", { name: "4 stars out of 5" }).waitFor();
    expect(await reviews.getByRole("link", { name: "Write a review" }).count()).toBe(0);

    await moderation.reject.mutate({ reviewId, reason: REASON });
    await note.getByRole("link", { name: "Edit your review" }).click();
    await page.waitForURL(`${baseUrl}${reviewPath}`);
    await page.getByText("Your review was not published.").waitFor();
    await page.getByText(`Reason: ${REASON}`).waitFor();
    await page.getByTestId("own-review").getByText("Rejected").waitFor();

    const form = page.getByRole("form", { name: "Edit your review" });
    await waitForHydration(form.getByRole("button", { name: "Save changes" }));
    expect(await form.getByRole("radio", { name: starsName(4), exact: true }).isChecked()).toBe(true);
    expect(await form.getByLabel("Title", { exact: true }).inputValue()).toBe(FIRST.title);
    expect(await form.getByLabel("Your review", { exact: true }).inputValue()).toBe(FIRST.body);
    expect(await form.getByLabel(/^Name shown with your review/).inputValue()).toBe("Edna E.");
    await form.getByText("Saving your changes sends your review to our team again.").waitFor();
    // Headings in order: the page, then its two parts.
    const main = page.getByRole("main");
    expect(await main.getByRole("heading", { level: 1 }).textContent()).toBe(
      `Review ${choice.product.title}`,
    );
    expect(await main.getByRole("heading", { level: 2 }).allTextContents()).toEqual([
      "Your review",
      "Edit your review",
    ]);
  });

  it("refuses an edit that changes nothing, and saves a new rating and text back into moderation", async () => {
    const form = page.getByRole("form", { name: "Edit your review" });
    const save = form.getByRole("button", { name: "Save changes" });
    await waitForHydration(save);

    await save.click();
    await form
      .getByRole("alert")
      .getByText(/You have not changed anything yet/)
      .waitFor();

    await form
      .getByRole("group", { name: "Your rating" })
      .getByRole("radio", { name: starsName(2), exact: true })
      .check({ force: true });
    await form.getByLabel("Your review", { exact: true }).fill(EDITED_BODY);
    await save.click();
    // Said in the form's live region, which was there before the news.
    await expect
      .poll(() => form.getByRole("status").textContent())
      .toMatch(/Your changes are saved\. Your review will be shown .* once our team has checked it/);
    expect(await form.getByRole("alert").count()).toBe(0);
    // What was typed stays in the form; the page above shows the saved review, waiting again.
    expect(await form.getByLabel("Your review", { exact: true }).inputValue()).toBe(EDITED_BODY);
    const own = page.getByTestId("own-review");
    await expect.poll(() => own.getByTestId("own-review-body").textContent()).toBe(EDITED_BODY);
    await own.getByRole("img", { name: "2 stars out of 5" }).waitFor();
    await own.getByText("Pending moderation").waitFor();
    await own.getByText("(edited)").waitFor();
    await page.getByText(/Your review is waiting for approval/).waitFor();
    expect(await page.getByText(`Reason: ${REASON}`).count()).toBe(0);

    // Staff find it back in their queue with the new rating and text, the rest as it was.
    const waiting = await waitingReviewOf(choice.product.id);
    expect(waiting).toMatchObject({
      status: "pending",
      rating: 2,
      title: FIRST.title,
      body: EDITED_BODY,
      authorName: "Edna E.",
      rejectionReason: null,
    });
    expect(waiting.history.at(-1)?.action).toBe("edited");
  });

  it("lists the review under Your reviews with its product, stars and state, leading back to the form", async () => {
    await page.goto(`${baseUrl}/account`);
    const yours = page.getByRole("region", { name: "Your reviews" });
    const items = yours.getByTestId("your-review");
    await items.first().waitFor();
    expect(await items.count()).toBe(1);
    const product = items.getByRole("link", { name: choice.product.title, exact: true });
    expect(await product.getAttribute("href")).toBe(`/p/${choice.product.slug}`);
    await items.getByRole("heading", { level: 3, name: choice.product.title }).waitFor();
    await items.getByRole("img", { name: "2 stars out of 5" }).waitFor();
    await items.getByText("Pending moderation").waitFor();
    await items.getByText(`“${FIRST.title}”`).waitFor();
    expect(await yours.getByRole("navigation", { name: "Review pages" }).count()).toBe(0);

    await items.getByRole("link", { name: `Edit your review of ${choice.product.title}` }).click();
    await page.waitForURL(`${baseUrl}${reviewPath}`);
    await page.getByRole("form", { name: "Edit your review" }).waitFor();
  });

  it("edits without JavaScript too, keeping what was typed when refused", async () => {
    const plain = await browser.newContext({
      javaScriptEnabled: false,
      storageState: await context.storageState(),
    });
    try {
      const noJs = await plain.newPage();
      await noJs.goto(`${baseUrl}${reviewPath}`);
      const form = noJs.getByRole("form", { name: "Edit your review" });
      await form.getByLabel("Title", { exact: true }).fill("");
      await form.getByLabel("Your review", { exact: true }).fill("Typed without scripts.");
      await form.getByRole("button", { name: "Save changes" }).click();
      await form.getByRole("alert").getByText("Check the fields marked below.").waitFor();
      await form.getByText("Give your review a title of up to 120 characters.").waitFor();
      expect(await form.getByLabel("Your review", { exact: true }).inputValue()).toBe(
        "Typed without scripts.",
      );

      await form.getByLabel("Title", { exact: true }).fill("Sole came loose");
      await form.getByRole("button", { name: "Save changes" }).click();
      await form
        .getByRole("status")
        .getByText(/Your changes are saved/)
        .waitFor();
      await noJs.getByTestId("own-review").getByRole("heading", { name: "Sole came loose" }).waitFor();
      expect(await noJs.getByTestId("own-review-body").textContent()).toBe("Typed without scripts.");
    } finally {
      await plain.close();
    }
    const waiting = await waitingReviewOf(choice.product.id);
    expect(waiting).toMatchObject({ title: "Sole came loose", body: "Typed without scripts.", rating: 2 });
  });
});
