import type { ProductCard } from "@emporium/catalog/client";
import type { ProductCardProps } from "@emporium/ui/product-card";
import { productHref } from "@/links";
import { NextLink } from "@/next-link";

/** A catalog product card as the shared ProductCard component's props. */
export function cardProps(card: ProductCard, options: { eager?: boolean } = {}): ProductCardProps {
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
    eager: options.eager ?? false,
    LinkComponent: NextLink,
  };
}
