// Whether the chosen variant can go in the cart, and if not, the reason the button gives.
import type { ProductOptionView, Selection, VariantView } from "@emporium/catalog/client";
import { MAX_LINE_QUANTITY } from "@emporium/contracts/cart";

export type Purchase =
  { ok: true; variant: VariantView; maxQuantity: number } | { ok: false; reason: string };

function list(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

export function purchaseOf(
  options: readonly ProductOptionView[],
  selection: Selection,
  variant: VariantView | null | undefined,
): Purchase {
  const missing = options.filter((o) => !selection[o.id]).map((o) => o.name.toLowerCase());
  if (missing.length > 0) return { ok: false, reason: `Choose a ${list(missing)}` };
  if (!variant) return { ok: false, reason: "This combination is not made — choose another" };
  if (variant.available <= 0) return { ok: false, reason: "Sold out — choose another option" };
  return { ok: true, variant, maxQuantity: Math.min(variant.available, MAX_LINE_QUANTITY) };
}
