// One product in a grid. The whole card is clickable through a stretched title link, so the link's
// accessible name is just the product title; the image repeats the title, so it is decorative here.
import type { ReactNode } from "react";
import { Badge } from "../badge";
import { cn } from "../cn";
import { PlainLink, type LinkComponent } from "../link";
import { Price } from "../price";

export interface ProductCardImage {
  src: string;
  width: number;
  height: number;
}

export interface ProductCardProps {
  href: string;
  title: string;
  brand?: string | null;
  image: ProductCardImage | null;
  minPrice: number;
  maxPrice: number;
  compareAtPrice: number | null;
  currency: string;
  inStock: boolean;
  /** Shown under the title, e.g. the product's stars and review count (the app draws them). */
  rating?: ReactNode;
  /** Loads the image at once; for cards in the first row, which are likely the largest paint. */
  eager?: boolean;
  /** Fetches the image before other images (and eagerly): for the one card that is the page's LCP. */
  priority?: boolean;
  headingLevel?: "h2" | "h3";
  LinkComponent?: LinkComponent;
  className?: string;
}

export function ProductCard({
  href,
  title,
  brand,
  image,
  minPrice,
  maxPrice,
  compareAtPrice,
  currency,
  inStock,
  rating,
  eager = false,
  priority = false,
  headingLevel: Heading = "h3",
  LinkComponent = PlainLink,
  className,
}: ProductCardProps) {
  const onSale = compareAtPrice !== null && compareAtPrice > minPrice;
  return (
    <article
      className={cn(
        "group relative flex h-full flex-col rounded-xl outline-offset-4",
        "has-[a:focus-visible]:outline-2 has-[a:focus-visible]:outline-brand-700",
        className,
      )}
    >
      <div className="relative aspect-[4/5] overflow-hidden rounded-xl bg-canvas-muted">
        {image ? (
          <img
            src={image.src}
            alt=""
            width={image.width}
            height={image.height}
            loading={eager || priority ? "eager" : "lazy"}
            fetchPriority={priority ? "high" : undefined}
            decoding="async"
            className={cn(
              "h-full w-full object-cover transition-transform duration-300 group-hover:scale-[1.03]",
              !inStock && "opacity-60",
            )}
          />
        ) : (
          <div className="flex h-full items-center justify-center text-sm text-ink-muted">No image</div>
        )}
        {(onSale || !inStock) && (
          <div className="absolute top-2 left-2 flex gap-1">
            {onSale && inStock && <Badge tone="sale">Sale</Badge>}
            {!inStock && <Badge>Sold out</Badge>}
          </div>
        )}
      </div>
      <div className="mt-3 flex flex-1 flex-col gap-1">
        {brand && <p className="text-xs font-medium tracking-wide text-ink-muted uppercase">{brand}</p>}
        <Heading className="text-sm leading-snug font-medium text-ink">
          <LinkComponent href={href} className="after:absolute after:inset-0 focus-visible:outline-none">
            {title}
          </LinkComponent>
        </Heading>
        {rating}
        <Price
          amount={minPrice}
          maxAmount={maxPrice}
          compareAt={compareAtPrice}
          currency={currency}
          size="sm"
          className="mt-auto pt-1"
        />
      </div>
    </article>
  );
}
