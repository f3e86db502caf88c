import { cleanup, render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { MyReview, PublicReview, ReviewPage } from "@emporium/reviews/client";
import { readReviewViewer } from "./actions";
import { ReviewsSection, type ReviewsSectionProps } from "./reviews-section";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn() }) }));
vi.mock("./actions", () => ({ loadMoreReviews: vi.fn(), markHelpful: vi.fn(), readReviewViewer: vi.fn() }));

const PRODUCT = "6f1c5a52-6d0e-4a3c-9f59-0a8d3a3c1c11";

function review(overrides: Partial<PublicReview> = {}): PublicReview {
  return {
    id: "2b0c7a7e-3c55-4b8e-9d3f-5f1f0a6a7b01",
    productId: PRODUCT,
    authorName: "Ada L.",
    rating: 5,
    title: "Warm and light",
    body: "Wore it all winter.",
    photos: [],
    helpfulCount: 2,
    verifiedPurchase: true,
    reply: null,
    createdAt: "2026-03-03T10:00:00.000Z",
    editedAt: null,
    ...overrides,
  };
}

function pageOf(items: PublicReview[], nextCursor: string | null = null): ReviewPage {
  const distribution = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const r of items) distribution[r.rating] += 1;
  const sum = items.reduce((n, r) => n + r.rating, 0);
  return {
    items,
    nextCursor,
    summary: {
      productId: PRODUCT,
      average: items.length ? Math.round((sum / items.length) * 100) / 100 : null,
      count: items.length,
      distribution,
    },
  };
}

function renderSection(overrides: Partial<ReviewsSectionProps>) {
  return render(
    <ReviewsSection
      productId={PRODUCT}
      productPath="/p/field-jacket"
      result={{ ok: true, page: pageOf([]) }}
      sort="newest"
      cursor={null}
      variantId={null}
      viewer={{ signedIn: false, ownReview: null }}
      {...overrides}
    />,
  );
}

describe("ReviewsSection", () => {
  it("says reviews are unavailable when the service could not answer", () => {
    renderSection({ result: { ok: false } });
    expect(screen.getByRole("heading", { name: "Customer reviews", level: 2 })).toBeTruthy();
    expect(screen.getByText("Reviews are unavailable right now")).toBeTruthy();
    expect(screen.queryByRole("list", { name: "Reviews" })).toBeNull();
  });

  it("says there are no reviews yet, who can write one, and where to sign in to", () => {
    renderSection({});
    expect(screen.getByText("No reviews yet")).toBeTruthy();
    expect(screen.getByText(/Shoppers who have received this product can review it/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Sign in to write a review" }).getAttribute("href")).toBe(
      "/account/sign-in?next=%2Fp%2Ffield-jacket%2Freview",
    );
  });

  it("shows the average, count, breakdown and each review, markup as plain text", () => {
    const hostile = review({
      id: "2b0c7a7e-3c55-4b8e-9d3f-5f1f0a6a7b02",
      rating: 2,
      title: "<b>Bold</b> claim",
      body: '<script>alert("x")</script><img src=x onerror=alert(1)>',
      helpfulCount: 0,
      reply: { body: "Sorry to hear that — we have written to you.", at: "2026-03-05T09:00:00.000Z" },
    });
    const { container } = renderSection({ result: { ok: true, page: pageOf([review(), hostile], "next") } });

    const summary = screen.getByTestId("rating-summary");
    expect(summary.textContent).toContain("3.5");
    expect(within(summary).getByRole("img", { name: "Rated 3.5 out of 5" })).toBeTruthy();
    expect(summary.textContent).toContain("Based on 2 reviews");
    const rows = within(screen.getByTestId("rating-distribution")).getAllByRole("listitem");
    expect(rows.map((r) => r.textContent)).toEqual([
      "5 stars1 review (50%)",
      "4 stars0 reviews (0%)",
      "3 stars0 reviews (0%)",
      "2 stars1 review (50%)",
      "1 star0 reviews (0%)",
    ]);

    const list = screen.getByRole("list", { name: "Reviews" });
    const items = within(list).getAllByRole("article");
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByRole("img", { name: "5 stars out of 5" })).toBeTruthy();
    expect(within(items[0]!).getByText("Verified purchase")).toBeTruthy();
    expect(within(items[0]!).getByText("March 3, 2026")).toBeTruthy();
    expect(within(items[0]!).getByText("2 people found this helpful")).toBeTruthy();

    expect(within(items[1]!).getByRole("heading", { level: 3 }).textContent).toBe("<b>Bold</b> claim");
    expect(within(items[1]!).getByTestId("review-body").textContent).toBe(
      '<script>alert("x")</script><img src=x onerror=alert(1)>',
    );
    expect(container.querySelector("article script, article img, article b")).toBeNull();
    expect(within(items[1]!).getByText("Reply from Emporium")).toBeTruthy();

    // Without JavaScript, "Load more" is a link to the next page.
    expect(screen.getByRole("link", { name: "Load more reviews" }).getAttribute("href")).toBe(
      "/p/field-jacket?review_after=next#reviews",
    );
  });

  it("gives signed-in shoppers the Helpful button and the form link, keeping the variant and order", () => {
    renderSection({
      result: { ok: true, page: pageOf([review()], "c2") },
      viewer: { signedIn: true, ownReview: null },
      sort: "helpful",
      variantId: "v1",
    });
    expect(screen.getByRole("button", { name: "Helpful (2)" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Write a review" }).getAttribute("href")).toBe(
      "/p/field-jacket/review",
    );
    expect(screen.getByRole("link", { name: "Load more reviews" }).getAttribute("href")).toBe(
      "/p/field-jacket?variant=v1&review_sort=helpful&review_after=c2#reviews",
    );
    expect((screen.getByLabelText("Sort reviews by") as HTMLSelectElement).value).toBe("helpful");
  });
  it("shows a shopper who reviewed the product their review's state and a way to edit it", () => {
    const { verifiedPurchase: _v, ...mine } = review({ rating: 3, title: "Fine" });
    const own: MyReview = { ...mine, status: "rejected", rejectionReason: "Names a competitor's shop." };
    renderSection({ viewer: { signedIn: true, ownReview: own } });
    const note = screen.getByTestId("own-review-note");
    expect(within(note).getByRole("heading", { name: "Your review", level: 3 })).toBeTruthy();
    expect(within(note).getByRole("img", { name: "3 stars out of 5" })).toBeTruthy();
    expect(within(note).getByText("Rejected")).toBeTruthy();
    expect(within(note).getByText("Reason: Names a competitor's shop.")).toBeTruthy();
    expect(within(note).getByRole("link", { name: "Edit your review" }).getAttribute("href")).toBe(
      "/p/field-jacket/review",
    );
    expect(screen.queryByRole("link", { name: "Write a review" })).toBeNull();

    // Beside published reviews too, in place of the form link.
    cleanup();
    renderSection({
      result: { ok: true, page: pageOf([review()]) },
      viewer: { signedIn: true, ownReview: { ...own, status: "pending", rejectionReason: null } },
    });
    const pending = screen.getByTestId("own-review-note");
    expect(within(pending).getByText("Pending moderation")).toBeTruthy();
    expect(within(pending).queryByText(/^Reason:/)).toBeNull();
    expect(within(pending).getByRole("link", { name: "Edit your review" })).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Write a review" })).toBeNull();
  });

  it("on a page a shared cache keeps, asks who is looking and then shows her own review's note", async () => {
    const { verifiedPurchase: _v, ...mine } = review({ rating: 4, title: "Good" });
    const own: MyReview = { ...mine, status: "approved", rejectionReason: null };
    vi.mocked(readReviewViewer).mockResolvedValueOnce({ signedIn: true, ownReview: own });
    renderSection({ result: { ok: true, page: pageOf([review()]) }, viewer: null });
    // What every visitor sees in the kept page, until the answer comes.
    expect(screen.getByRole("link", { name: "Sign in to write a review" })).toBeTruthy();
    expect(await screen.findByTestId("own-review-note")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Helpful (2)" })).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Sign in to write a review" })).toBeNull();
    expect(readReviewViewer).toHaveBeenCalledWith(PRODUCT);
  });
});
