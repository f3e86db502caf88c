// Glue between the product page and the catalog's variant matrix: which options the URL's variant
// stands for, and which image shows the chosen colour.
import { initialSelection, type Selection } from "@emporium/catalog/browser";
import type { ProductDetail } from "@emporium/catalog/client";

type Media = ProductDetail["media"][number];

/** The selection for `?variant=<id>` when that variant exists, else the catalog's starting choice. */
export function selectionFor(
  product: Pick<ProductDetail, "options" | "variants">,
  variantId: string | null,
): Selection {
  const variant = variantId ? product.variants.find((v) => v.id === variantId) : undefined;
  if (!variant) return initialSelection(product.options, product.variants);
  const selection: Record<string, string> = {};
  for (const option of product.options) {
    const value = option.values.find((v) => variant.optionValueIds.includes(v.id));
    if (value) selection[option.id] = value.id;
  }
  return selection;
}

/** The index of the first image showing one of the chosen values (the colour), if any does. */
export function imageIndexFor(media: readonly Media[], selection: Selection): number | null {
  const chosen = new Set(Object.values(selection));
  const index = media.findIndex((m) => m.optionValueId !== null && chosen.has(m.optionValueId));
  return index >= 0 ? index : null;
}
