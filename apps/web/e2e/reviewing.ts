// Reviewing helpers for the browser tests: a shopper who signs up (confirming by the mailed link), buys and has the order delivered,
// then writes a review through the form; and staff moderating through the reviews API with a token as the
// admin's server mints it (reviews.moderate), as the admin's moderation page would.
import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { inject } from "vitest";
import { signServiceToken, tokenKey } from "@emporium/auth";
import { createReviewsClient, type ModerationItem } from "@emporium/reviews/client";
import { waitForHydration } from "./browser";
import { openAccount } from "./mailbox";
import { enterAddress, payAndPlace, type Choice } from "./shop";

const baseUrl = inject("baseUrl");
const key = tokenKey(inject("serviceTokenSecret"));

export const moderation = createReviewsClient({
  url: inject("reviewsUrl"),
  headers: async () => ({
    authorization: `Bearer ${await signServiceToken(
      { kind: "staff", userId: "e2e-manager", email: "manager@emporium.local", role: "manager" },
      key,
    )}`,
  }),
}).moderation;

export const PASSWORD = "correct horse battery staple";

/**
 * Creates an account named `name` (a fresh email each time), confirmed through the mailed link, and
 * ends signed in, on the account page; answers the email.
 */
export async function signUp(page: Page, name: string): Promise<string> {
  const email = `${name.split(" ")[0]?.toLowerCase()}-${randomUUID().slice(0, 8)}@example.com`;
  await openAccount(page, name, email, PASSWORD);
  return email;
}

/** Checks out the cart signed in and waits until the simulated carrier has delivered the order. */
export async function buyAndReceive(page: Page): Promise<void> {
  await page.goto(`${baseUrl}/checkout`);
  await waitForHydration(page.getByRole("button", { name: "Continue to shipping" }));
  await enterAddress(page, { name: "Rita Reviewer", line1: "3 Critic Lane" });
  await payAndPlace(page);
  await page.locator("[data-testid=order-status][data-status=DELIVERED]").waitFor({ timeout: 60_000 });
}

export interface Written {
  rating: number;
  title: string;
  body: string;
  name?: string;
  /** Files to attach (a photo or not), each with what it shows. */
  photos?: { file: { name: string; mimeType: string; buffer: Buffer }; alt: string }[];
}

/** The radio button of a rating, as the review form names it ("1 star", "4 stars"). */
export const starsName = (rating: number): string => (rating === 1 ? "1 star" : `${rating} stars`);

/** Fills the review form of a product and sends it; answers what the page says afterwards. */
export async function sendReview(page: Page, choice: Choice, review: Written): Promise<string> {
  await page.goto(`${baseUrl}/p/${choice.product.slug}/review`);
  const form = page.getByRole("form", { name: "Write a review" });
  const submit = form.getByRole("button", { name: "Submit review" });
  await waitForHydration(submit);
  await form
    .getByRole("group", { name: "Your rating" })
    .getByRole("radio", { name: starsName(review.rating), exact: true })
    .check({ force: true });
  await form.getByLabel("Title", { exact: true }).fill(review.title);
  await form.getByLabel("Your review", { exact: true }).fill(review.body);
  if (review.name !== undefined) await form.getByLabel(/^Name shown with your review/).fill(review.name);
  for (const [i, photo] of (review.photos ?? []).entries()) {
    await form.getByLabel(`Photo ${i + 1} (optional)`).setInputFiles(photo.file);
    await form.getByLabel(`What photo ${i + 1} shows`).fill(photo.alt);
  }
  await submit.click();
  // The form's own alert (a refusal), or the thank-you that takes the form's place.
  const refused = form.getByRole("alert");
  const thanks = page.getByText("Thanks — your review will appear once approved.");
  await refused.or(thanks).first().waitFor();
  return (await thanks.count()) > 0
    ? ((await thanks.textContent()) ?? "")
    : ((await refused.textContent()) ?? "");
}

/**
 * Sends the review once the reviews service has recorded the delivery. The order page shows DELIVERED
 * as soon as the orders service has it; the reviews service reads the same event from the topic a
 * moment later, so an early attempt may still be told the product has not arrived.
 */
export async function reviewOnceDelivered(page: Page, choice: Choice, review: Written): Promise<void> {
  const said = await answerOnceDelivered(page, choice, review);
  if (!said.includes("Thanks — your review will appear once approved."))
    throw new Error(`the review was refused: ${said}`);
}

/** What the page says to the review once the reviews service has recorded the delivery (see above). */
export async function answerOnceDelivered(page: Page, choice: Choice, review: Written): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const said = await sendReview(page, choice, review);
    if (!said.includes("has not been delivered to you yet") || Date.now() > deadline) return said;
    await page.waitForTimeout(250);
  }
}

/** The review of a product waiting for moderation, from any page of the queue. */
export async function waitingReviewOf(productId: string): Promise<ModerationItem> {
  for (let page = 1; ; page++) {
    const queue = await moderation.queue.query({ page });
    const waiting = queue.items.find((r) => r.productId === productId);
    if (waiting) return waiting;
    if (page >= queue.pageCount) throw new Error(`no review of ${productId} waits for moderation`);
  }
}

/** Approves the waiting review of each product; answers their ids, in the same order. */
export async function approveReviewsOf(productIds: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const productId of productIds) {
    const waiting = await waitingReviewOf(productId);
    await moderation.approve.mutate({ reviewId: waiting.id });
    ids.push(waiting.id);
  }
  return ids;
}
