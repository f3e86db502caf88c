import { createElement } from "react";
import type { ProductCard } from "@emporium/catalog/client";
import type { ProductCardProps } from "@emporium/ui/product-card";
import { productHref } from "@/links";
import { NextLink } from "@/next-link";
import { RatingLine } from "@/reviews/rating-link";

/** A catalog product card as the shared ProductCard component's props, with its stars once it is rated. */
export function cardProps(
  card: ProductCard,
  options: { eager?: boolean; priority?: boolean } = {},
): ProductCardProps {
  return {
    href: productHref(card.slug),
    title: card.title,
    brand: card.brand?.name ?? null,
    image: card.image ? { src: card.image.url, width: card.image.width, height: card.image.height } : null,
    minPrice: card.minPrice,
    maxPrice: card.maxPrice,
    compareAtPrice: card.compareAtPrice,
    currency: card.currency,
    inStock: card.inStock,
    rating:
      card.rating && card.rating.count > 0
        ? createElement(RatingLine, { average: card.rating.average, count: card.rating.count })
        : null,
    eager: options.eager ?? false,
    priority: options.priority ?? false,
    LinkComponent: NextLink,
  };
}
