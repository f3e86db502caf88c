import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ProductCard as CatalogCard } from "@emporium/catalog/client";
import { ProductCard } from "@emporium/ui/product-card";
import { cardProps } from "./card-props";

const card: CatalogCard = {
  id: "p1",
  slug: "linen-shirt",
  title: "Linen Shirt",
  brand: null,
  minPrice: 4500,
  maxPrice: 4500,
  compareAtPrice: null,
  currency: "USD",
  inStock: true,
  image: null,
  rating: null,
  createdAt: "2026-01-01T00:00:00.000Z",
};

describe("cardProps", () => {
  it("puts small stars and the review count on a rated product's card", () => {
    render(<ProductCard {...cardProps({ ...card, rating: { average: 4.46, count: 12 } })} />);
    expect(screen.getByRole("img", { name: "Rated 4.5 out of 5, 12 reviews" })).toBeTruthy();
    expect(screen.getByText("(12)")).toBeTruthy();
  });

  it("shows no stars before the first approved review", () => {
    expect(cardProps(card).rating).toBeNull();
    render(<ProductCard {...cardProps(card)} />);
    expect(screen.queryByRole("img")).toBeNull();
  });
});
