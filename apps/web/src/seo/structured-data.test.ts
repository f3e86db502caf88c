import { describe, expect, it } from "vitest";
import type { ProductDetail } from "@emporium/catalog/client";
import type { PublicReview } from "@emporium/reviews/client";
import { breadcrumbList, productBreadcrumbs, productJsonLd } from "./structured-data";

const product: ProductDetail = {
  id: "p1",
  slug: "linen-shirt",
  title: "Linen Shirt",
  description: "A shirt.",
  brand: { slug: "kestrel", name: "Kestrel" },
  currency: "USD",
  minPrice: 4500,
  maxPrice: 4700,
  inStock: true,
  breadcrumbs: [
    { slug: "clothing", name: "Clothing", path: "clothing" },
    { slug: "shirts", name: "Shirts", path: "clothing/shirts" },
  ],
  options: [],
  variants: [
    {
      id: "v1",
      sku: "LS-S",
      title: "S",
      price: 4500,
      compareAtPrice: null,
      available: 10,
      optionValueIds: [],
    },
    {
      id: "v2",
      sku: "LS-XXL",
      title: "XXL",
      price: 4700,
      compareAtPrice: null,
      available: 0,
      optionValueIds: [],
    },
  ],
  media: [{ url: "/media/ls.webp", alt: "Linen Shirt", width: 480, height: 600, optionValueId: null }],
  attributes: [],
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
};

describe("productJsonLd", () => {
  it("describes the product with absolute URLs, brand and category", () => {
    const ld = productJsonLd("https://shop.example", product);
    expect(ld).toMatchObject({
      "@type": "Product",
      name: "Linen Shirt",
      url: "https://shop.example/p/linen-shirt",
      image: ["https://shop.example/media/ls.webp"],
      brand: { "@type": "Brand", name: "Kestrel" },
      category: "Shirts",
    });
  });

  it("aggregates variant offers with decimal prices and schema.org availability", () => {
    const ld = productJsonLd("https://shop.example", product);
    expect(ld.offers).toMatchObject({
      "@type": "AggregateOffer",
      priceCurrency: "USD",
      lowPrice: "45.00",
      highPrice: "47.00",
      offerCount: 2,
      availability: "https://schema.org/InStock",
      offers: [
        { sku: "LS-S", price: "45.00", availability: "https://schema.org/InStock" },
        {
          sku: "LS-XXL",
          price: "47.00",
          availability: "https://schema.org/OutOfStock",
          url: "https://shop.example/p/linen-shirt?variant=v2",
        },
      ],
    });
  });

  it("uses a single Offer for a single variant and marks low stock as limited", () => {
    const single = { ...product, variants: [{ ...product.variants[0]!, available: 3 }] };
    expect(productJsonLd("https://shop.example", single).offers).toMatchObject({
      "@type": "Offer",
      price: "45.00",
      availability: "https://schema.org/LimitedAvailability",
    });
  });
});

function review(n: number, overrides: Partial<PublicReview> = {}): PublicReview {
  return {
    id: `r${n}`,
    productId: "p1",
    authorName: `Shopper ${n}`,
    rating: 4,
    title: `Review ${n}`,
    body: `Body ${n}`,
    photos: [],
    helpfulCount: 0,
    verifiedPurchase: true,
    reply: null,
    createdAt: `2026-03-0${n}T22:15:00.000Z`,
    editedAt: null,
    ...overrides,
  };
}

describe("productJsonLd ratings", () => {
  it("has no rating or reviews while nothing is approved, or when reviews could not be read", () => {
    const none = productJsonLd("https://shop.example", product, {
      summary: { average: null, count: 0 },
      reviews: [],
    });
    expect(none).not.toHaveProperty("aggregateRating");
    expect(none).not.toHaveProperty("review");
    expect(productJsonLd("https://shop.example", product, null)).not.toHaveProperty("aggregateRating");
  });

  it("gives the aggregate rating and the first five shown reviews", () => {
    const reviews = [1, 2, 3, 4, 5, 6].map((n) => review(n));
    const ld = productJsonLd("https://shop.example", product, {
      summary: { average: 4.33, count: 6 },
      reviews: [review(1, { rating: 5, body: "<script>alert(1)</script> fits well" }), ...reviews.slice(1)],
    });
    expect(ld.aggregateRating).toEqual({
      "@type": "AggregateRating",
      ratingValue: 4.33,
      reviewCount: 6,
      bestRating: 5,
      worstRating: 1,
    });
    expect(ld.review).toHaveLength(5);
    expect(ld.review?.[0]).toEqual({
      "@type": "Review",
      author: { "@type": "Person", name: "Shopper 1" },
      datePublished: "2026-03-01",
      name: "Review 1",
      // Kept as written: the JsonLd component escapes "<" when it writes the script element.
      reviewBody: "<script>alert(1)</script> fits well",
      reviewRating: { "@type": "Rating", ratingValue: 5, bestRating: 5, worstRating: 1 },
    });
  });
});

describe("breadcrumbList", () => {
  it("numbers the trail from the shop to the product", () => {
    const ld = breadcrumbList("https://shop.example", productBreadcrumbs(product));
    expect(ld.itemListElement).toEqual([
      { "@type": "ListItem", position: 1, name: "Emporium", item: "https://shop.example/" },
      { "@type": "ListItem", position: 2, name: "Clothing", item: "https://shop.example/c/clothing" },
      { "@type": "ListItem", position: 3, name: "Shirts", item: "https://shop.example/c/clothing/shirts" },
      { "@type": "ListItem", position: 4, name: "Linen Shirt", item: "https://shop.example/p/linen-shirt" },
    ]);
  });

  it("never names the site root like the Home department", () => {
    const homeware = {
      ...product,
      breadcrumbs: [
        { slug: "home", name: "Home", path: "home" },
        { slug: "kitchen", name: "Kitchen", path: "home/kitchen" },
      ],
    };
    const names = productBreadcrumbs(homeware).map((c) => c.name);
    expect(names).toEqual(["Emporium", "Home", "Kitchen", "Linen Shirt"]);
    expect(new Set(names).size).toBe(names.length);
  });
});
