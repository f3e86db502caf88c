// Review moderation in a real Chromium. The reviews come the honest way: a shopper opens an account,
// buys two products through the orders API (as the storefront does, with a token naming them), the
// development host's saga and simulated carrier take the order to DELIVERED, and the reviews service —
// which learns purchases only from order.placed and order.status-changed on the orders topic — then
// accepts the shopper's review of each product. A support user sees the queue without any control; a
// manager is told a rejection needs a reason, replies publicly, approves one review (it leaves the
// queue and shows in the shop), and is told in words when the other was moderated meanwhile.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { TRPCClientError } from "@trpc/client";
import { signServiceToken, tokenKey, type SignedPrincipal } from "@emporium/auth";
import { createCatalogClient } from "@emporium/catalog/client";
import { createIdentityClient } from "@emporium/identity/client";
import { createOrdersClient } from "@emporium/orders/client";
import { createReviewsClient } from "@emporium/reviews/client";
import { launchBrowser, waitForHydration } from "@emporium/testkit/browser";
import { cardToken } from "./orders-api";
import { submitSignIn } from "./sign-in";

const reviewsUrl = inject("reviewsUrl");
const catalog = createCatalogClient({ url: inject("catalogUrl") });
const identity = createIdentityClient(inject("identityUrl"));
const key = tokenKey(inject("serviceTokenSecret"));

/** `Bearer <token>` naming `principal`, signed the way the apps sign it. */
const bearer = (principal: SignedPrincipal) => async () => ({
  authorization: `Bearer ${await signServiceToken(principal, key)}`,
});

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Two different products with stock, each with the variant to buy. */
async function twoProductsInStock(): Promise<{ productId: string; variantId: string }[]> {
  const list = await catalog.product.list.query({ limit: 30, sort: "newest" });
  const found: { productId: string; variantId: string }[] = [];
  for (const card of list.items) {
    const product = await catalog.product.bySlug.query({ slug: card.slug });
    const variant = product.variants.find((v) => v.available >= 2);
    if (variant) found.push({ productId: product.id, variantId: variant.id });
    if (found.length === 2) return found;
  }
  throw new Error("fewer than two seeded products have stock");
}

/**
 * A new shopper account that has received two products: signed up with identity, an order of both
 * placed and paid as that shopper, and the order followed until the carrier delivers it.
 */
async function shopperWhoReceived() {
  const email = `e2e-reviewer-${randomUUID().slice(0, 8)}@example.com`;
  const password = "correct horse battery staple";
  await identity.auth.signUp.mutate({ email, name: "Rita Reviewer", password });
  // The account works once the link mailed to it is followed (the development host's dev mailbox).
  const [mail] = await identity.devMailbox.recent.query({ to: email });
  const confirmation = /\/account\/confirm\?token=([\w-]+)/.exec(mail?.text ?? "")?.[1];
  if (!confirmation) throw new Error(`no confirmation link mailed to ${email}`);
  await identity.auth.confirmEmail.mutate({ token: confirmation });
  const account = await identity.auth.signIn.mutate({ email, password });
  const headers = bearer({ kind: "shopper", userId: account.id, email });
  const orders = createOrdersClient({ url: inject("ordersUrl"), headers });
  const products = await twoProductsInStock();
  const token = await cardToken("Rita Reviewer");
  let cartToken: string | undefined;
  for (const { variantId } of products)
    ({ token: cartToken } = await orders.cart.addLine.mutate({ cartToken, variantId, quantity: 1 }));
  if (!cartToken) throw new Error("no cart");
  const placed = await orders.checkout.placeOrder.mutate({
    cartToken,
    email,
    shippingAddress: {
      name: "Rita Reviewer",
      line1: "1 Market Street",
      city: "Bristol",
      postalCode: "BS1 1AA",
      country: "GB",
    },
    shippingMethod: "standard",
    paymentToken: token,
    idempotencyKey: `e2e_${randomUUID().replace(/-/g, "")}`,
  });
  await expect
    .poll(
      async () =>
        (await orders.order.get.query({ orderId: placed.orderId, accessToken: placed.accessToken })).status,
      { timeout: 60_000, interval: 250 },
    )
    .toBe("DELIVERED");
  return { reviews: createReviewsClient({ url: reviewsUrl, headers }), products };
}

type ShopperReviews = ReturnType<typeof createReviewsClient>;

/**
 * The shopper's review of a product. The reviews service reads the delivery from the orders topic on its
 * own schedule, so a write refused with 412 (not received yet, as far as it knows) is tried again.
 */
async function writeReview(
  reviews: ShopperReviews,
  input: { productId: string; rating: number; title: string; body: string },
) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      return await reviews.review.write.mutate({ ...input, authorName: "Rita R." });
    } catch (error) {
      const notYet = error instanceof TRPCClientError && error.data?.code === "PRECONDITION_FAILED";
      if (!notYet || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

async function signInAs(role: "manager" | "support", label: RegExp): Promise<Page> {
  const page = await browser.newPage();
  await submitSignIn(page, `${role}@emporium.local`, `${role}-password`);
  await page.getByTestId("signed-in-as").getByText(label).waitFor();
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Reviews" }).click();
  await page.getByRole("heading", { name: "Reviews", level: 1 }).waitFor();
  return page;
}

describe("review moderation", () => {
  it("lets a manager reject only with a reason, reply and approve; support reads the queue only", async () => {
    const { reviews, products } = await shopperWhoReceived();
    const [first, second] = products;
    if (!first || !second) throw new Error("two products expected");
    const tag = randomUUID().slice(0, 6);
    const kept = await writeReview(reviews, {
      productId: first.productId,
      rating: 4,
      title: `Sturdy and quiet ${tag}`,
      body: "Boils fast. <b>Not</b> a <script>alert(1)</script> in sight.",
    });
    const raced = await writeReview(reviews, {
      productId: second.productId,
      rating: 2,
      title: `Arrived scratched ${tag}`,
      body: "The lid was scratched.",
    });

    // Support: the same queue, read only.
    const support = await signInAs("support", /· Support$/);
    const supportView = support.getByRole("article", { name: kept.title });
    await supportView.waitFor();
    await support.getByText(/managers and owners approve, reject and reply/).waitFor();
    expect(await supportView.getByRole("button").count()).toBe(0);
    expect(await support.getByRole("button", { name: "Approve" }).count()).toBe(0);
    expect(await support.getByLabel("Reason for rejecting").count()).toBe(0);
    expect(await support.getByLabel("Public reply").count()).toBe(0);
    await support.close();

    // Manager: the review with its product, rating, text as typed (escaped), author and date.
    const page = await signInAs("manager", /· Manager$/);
    const article = page.getByRole("article", { name: kept.title });
    await article.waitFor();
    expect(await article.getByTestId("review-product").getAttribute("href")).toBe(
      `/products/${first.productId}`,
    );
    expect(await article.getByTestId("review-rating").textContent()).toContain("4 out of 5 stars");
    expect(await article.getByTestId("review-body").textContent()).toBe(
      "Boils fast. <b>Not</b> a <script>alert(1)</script> in sight.",
    );
    expect(await article.getByTestId("review-body").locator("b, script").count()).toBe(0);
    expect(await article.getByTestId("review-author").textContent()).toBe("Rita R.");
    expect(await article.locator("time").getAttribute("datetime")).toBe(kept.createdAt);

    // Reject without a reason: said at the field, nothing sent, the review stays.
    const reject = article.getByRole("button", { name: "Reject" });
    await waitForHydration(reject);
    await reject.click();
    await article
      .getByText("Reason: write why this review is rejected — its author will read it", { exact: true })
      .waitFor();
    expect(await article.getByLabel("Reason for rejecting").getAttribute("aria-invalid")).toBe("true");
    expect(await article.getByRole("button", { name: "Approve" }).isEnabled()).toBe(true);

    // A public reply, shown under the review.
    await article.getByLabel("Public reply").fill("Thank you, Rita!");
    await article.getByRole("button", { name: "Reply publicly" }).click();
    await article.getByText(/^Reply saved\./).waitFor();
    await article.getByText("The shop's public reply").waitFor();

    // Approve: the review leaves the queue and shows in the shop, with the reply.
    await article.getByRole("button", { name: "Approve" }).click();
    await expect
      .poll(() => page.getByTestId("moderation-outcome").textContent())
      .toBe(`Approved “${kept.title}”: it now shows in the shop.`);
    await expect.poll(() => page.getByRole("article", { name: kept.title }).count()).toBe(0);
    const shown = await createReviewsClient({ url: reviewsUrl }).review.list.query({
      productId: first.productId,
    });
    expect(shown.items.map((r) => [r.id, r.reply?.body])).toEqual([[kept.id, "Thank you, Rita!"]]);

    // Another manager approves the second review behind this page's back; approving it here says so.
    const other = createReviewsClient({
      url: reviewsUrl,
      headers: bearer({
        kind: "staff",
        userId: randomUUID(),
        email: "other@emporium.local",
        role: "manager",
      }),
    });
    const stale = page.getByRole("article", { name: raced.title });
    await waitForHydration(stale.getByRole("button", { name: "Approve" }));
    await other.moderation.approve.mutate({ reviewId: raced.id });
    await stale.getByRole("button", { name: "Approve" }).click();
    await expect
      .poll(() => page.getByTestId("moderation-outcome").textContent())
      .toBe(
        "This review is already approved: someone may have moderated it a moment ago. The queue now shows where it stands.",
      );
    await expect.poll(() => stale.count()).toBe(0);
    // Nothing else was waiting in this stack: the queue is empty now, and says what it is for.
    await page.getByRole("heading", { name: "No reviews waiting" }).waitFor();
    await page.getByText("New reviews appear here before they are shown in the shop.").waitFor();
    await page.close();
  });
});
