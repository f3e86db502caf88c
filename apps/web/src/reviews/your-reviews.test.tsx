import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { MyReview, NumberedPage } from "@emporium/reviews/client";
import type { ReviewedProduct } from "./reviewed-products";
import { YourReviews, type YourReviewsResult } from "./your-reviews";

const MUG = "6f1c5a52-6d0e-4a3c-9f59-0a8d3a3c1c11";
const SCARF = "6f1c5a52-6d0e-4a3c-9f59-0a8d3a3c1c12";
const GONE = "6f1c5a52-6d0e-4a3c-9f59-0a8d3a3c1c13";

function mine(overrides: Partial<MyReview>): MyReview {
  return {
    id: "2b0c7a7e-3c55-4b8e-9d3f-5f1f0a6a7b01",
    productId: MUG,
    authorName: "Ada L.",
    rating: 4,
    title: "Keeps tea hot",
    body: "For hours.",
    photos: [],
    helpfulCount: 0,
    reply: null,
    createdAt: "2026-03-03T10:00:00.000Z",
    editedAt: null,
    status: "approved",
    rejectionReason: null,
    ...overrides,
  };
}

const PRODUCTS = new Map<string, ReviewedProduct>([
  [MUG, { slug: "tea-mug", title: "Tea mug" }],
  [SCARF, { slug: "wool-scarf", title: "Wool scarf" }],
]);

function pageOf(items: MyReview[], page = 1, pageCount = 1, total = items.length): NumberedPage<MyReview> {
  return { items, page, pageCount, total };
}

const pageHref = (p: number) => `/account?reviews_page=${p}#your-reviews`;

function renderReviews(result: YourReviewsResult) {
  return render(<YourReviews result={result} pageHref={pageHref} />);
}

describe("YourReviews", () => {
  it("says what to do when the shopper has not reviewed anything yet", () => {
    renderReviews({ ok: true, page: pageOf([]), products: new Map() });
    expect(screen.getByRole("heading", { name: "Your reviews", level: 2 })).toBeTruthy();
    expect(
      screen.getByRole("heading", { name: "You have not reviewed anything yet", level: 3 }),
    ).toBeTruthy();
    expect(screen.getByText(/Once an order has been delivered to you/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Browse the shop" }).getAttribute("href")).toBe("/");
  });

  it("says the reviews are unavailable when the service could not answer", () => {
    renderReviews({ ok: false });
    expect(screen.getByText("Your reviews are unavailable right now")).toBeTruthy();
    expect(screen.queryByRole("list")).toBeNull();
  });

  it("lists each review with its product, stars, state, the moderator's reason and an Edit link", () => {
    renderReviews({
      ok: true,
      page: pageOf([
        mine({ editedAt: "2026-03-09T08:00:00.000Z", status: "pending" }),
        mine({
          id: "2b0c7a7e-3c55-4b8e-9d3f-5f1f0a6a7b02",
          productId: SCARF,
          rating: 1,
          title: "<b>Itchy</b>",
          status: "rejected",
          rejectionReason: "Please describe the product, not the delivery.",
        }),
      ]),
      products: PRODUCTS,
    });
    const [mug, scarf] = screen.getAllByTestId("your-review");
    if (!mug || !scarf) throw new Error("two reviews expected");

    expect(within(mug).getByRole("heading", { level: 3 }).textContent).toBe("Tea mug");
    expect(within(mug).getByRole("link", { name: "Tea mug" }).getAttribute("href")).toBe("/p/tea-mug");
    expect(within(mug).getByRole("img", { name: "4 stars out of 5" })).toBeTruthy();
    expect(within(mug).getByText("Pending moderation")).toBeTruthy();
    expect(mug.textContent).toContain("Written March 3, 2026, edited March 9, 2026");
    expect(within(mug).getByRole("link", { name: "Edit your review of Tea mug" }).getAttribute("href")).toBe(
      "/p/tea-mug/review",
    );

    expect(within(scarf).getByRole("img", { name: "1 star out of 5" })).toBeTruthy();
    expect(within(scarf).getByText("Rejected")).toBeTruthy();
    expect(within(scarf).getByText("Reason: Please describe the product, not the delivery.")).toBeTruthy();
    // The title as typed, markup shown as text.
    expect(within(scarf).getByText("“<b>Itchy</b>”")).toBeTruthy();
    expect(scarf.querySelector("b")).toBeNull();
  });

  it("shows a review of a product it cannot name without links", () => {
    renderReviews({ ok: true, page: pageOf([mine({ productId: GONE })]), products: PRODUCTS });
    const [item] = screen.getAllByTestId("your-review");
    if (!item) throw new Error("a review expected");
    expect(within(item).getByText("A product we cannot show just now")).toBeTruthy();
    expect(within(item).queryByRole("link")).toBeNull();
    expect(within(item).getByText("Published")).toBeTruthy();
  });

  it("links the pages before and after, saying which page this is", () => {
    renderReviews({ ok: true, page: pageOf([mine({})], 2, 3, 45), products: PRODUCTS });
    const nav = screen.getByRole("navigation", { name: "Review pages" });
    expect(nav.textContent).toContain("Page 2 of 3");
    expect(
      within(nav)
        .getByRole("link", { name: /Previous/ })
        .getAttribute("href"),
    ).toBe("/account?reviews_page=1#your-reviews");
    expect(within(nav).getByRole("link", { name: /Next/ }).getAttribute("href")).toBe(
      "/account?reviews_page=3#your-reviews",
    );
  });

  it("has no page links for a single page, and a way back from a page past the last", () => {
    const { unmount } = renderReviews({ ok: true, page: pageOf([mine({})]), products: PRODUCTS });
    expect(screen.queryByRole("navigation", { name: "Review pages" })).toBeNull();
    unmount();
    renderReviews({ ok: true, page: pageOf([], 7, 2, 25), products: PRODUCTS });
    expect(screen.getByRole("link", { name: "Go to your latest reviews" }).getAttribute("href")).toBe(
      "/account?reviews_page=1#your-reviews",
    );
  });
});
