"use client";
// The interactive part of a product page: gallery, option buttons, the chosen variant's price,
// availability and SKU, and the add-to-cart form. The choice is mirrored into ?variant=<id>
// (replacing the history entry, so Back still leaves the page) to make the exact variant shareable;
// the server renders that URL with the same choice.
import { useState, type ReactNode } from "react";
import { choose, findVariant, type Selection } from "@emporium/catalog/browser";
import type { ProductDetail } from "@emporium/catalog/client";
import { Badge } from "@emporium/ui/badge";
import { Price } from "@emporium/ui/price";
import { AddToCart } from "./add-to-cart";
import { availabilityOf } from "./availability";
import { Gallery } from "./gallery";
import { VariantOptions } from "./variant-options";
import { purchaseOf } from "./purchase";
import { imageIndexFor, selectionFor } from "./variant-selection";

export interface ProductViewProps {
  product: ProductDetail;
  initialVariantId: string | null;
  /** Server-rendered heading block (brand, title). */
  heading: ReactNode;
  /** Server-rendered details (description, attributes) shown below the choices. */
  children: ReactNode;
}

function replaceVariantInUrl(variantId: string) {
  const url = new URL(window.location.href);
  url.searchParams.set("variant", variantId);
  window.history.replaceState(null, "", `${url.pathname}${url.search}`);
}

export function ProductView({ product, initialVariantId, heading, children }: ProductViewProps) {
  const [selection, setSelection] = useState<Selection>(() => selectionFor(product, initialVariantId));
  const [image, setImage] = useState(() => imageIndexFor(product.media, selection) ?? 0);
  const variant = findVariant(product.options, product.variants, selection);

  const onChoose = (optionId: string, valueId: string) => {
    const next = choose(product.options, product.variants, selection, optionId, valueId);
    setSelection(next);
    const nextImage = imageIndexFor(product.media, next);
    // A new colour brings its picture forward; a new size leaves the picture the shopper is looking at.
    if (nextImage !== null && nextImage !== imageIndexFor(product.media, selection)) setImage(nextImage);
    const nextVariant = findVariant(product.options, product.variants, next);
    if (nextVariant) replaceVariantInUrl(nextVariant.id);
  };

  const availability = variant ? availabilityOf(variant.available) : null;
  return (
    <div className="grid gap-8 lg:grid-cols-2 lg:gap-14">
      <Gallery media={product.media} selected={image} onSelect={setImage} title={product.title} />
      <div className="flex flex-col gap-6">
        {heading}
        <div aria-live="polite" aria-atomic="true" className="flex flex-col gap-3">
          {variant ? (
            <Price
              amount={variant.price}
              compareAt={variant.compareAtPrice}
              currency={product.currency}
              size="lg"
            />
          ) : (
            <Price
              amount={product.minPrice}
              maxAmount={product.maxPrice}
              currency={product.currency}
              size="lg"
            />
          )}
          <div className="flex flex-wrap items-center gap-3 text-sm">
            {availability ? (
              <Badge tone={availability.tone}>{availability.label}</Badge>
            ) : (
              <span className="text-ink-muted">Choose your options to see availability</span>
            )}
            {variant && (
              <span className="text-ink-muted">
                SKU <span className="font-mono text-ink">{variant.sku}</span>
              </span>
            )}
          </div>
        </div>
        {product.options.length > 0 && (
          <VariantOptions
            options={product.options}
            variants={product.variants}
            selection={selection}
            onChoose={onChoose}
          />
        )}
        <AddToCart slug={product.slug} purchase={purchaseOf(product.options, selection, variant)} />
        {children}
      </div>
    </div>
  );
}
