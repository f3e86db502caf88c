// Choosing a variant from its options (Colour → Size → price and stock). Pure, so the storefront runs
// it in the browser and the catalog tests it without one.
import type { ProductOptionView, VariantView } from "./types";

/** Option id → chosen value id. */
export type Selection = Readonly<Record<string, string>>;

export type ValueState = "available" | "sold-out" | "unavailable";

type MatrixVariant = Pick<VariantView, "id" | "available" | "optionValueIds">;

function matches(variant: MatrixVariant, selection: Selection): boolean {
  return Object.values(selection).every((valueId) => variant.optionValueIds.includes(valueId));
}

/** The variant with exactly the chosen values, when every option has a choice. */
export function findVariant<V extends MatrixVariant>(
  options: readonly ProductOptionView[],
  variants: readonly V[],
  selection: Selection,
): V | undefined {
  if (options.some((o) => !selection[o.id])) return undefined;
  return variants.find((v) => matches(v, selection));
}

/**
 * What choosing `valueId` for `optionId` would lead to, keeping the other choices: a variant in
 * stock, only sold-out variants, or no variant at all.
 */
export function valueState(
  variants: readonly MatrixVariant[],
  selection: Selection,
  optionId: string,
  valueId: string,
): ValueState {
  const next = { ...selection, [optionId]: valueId };
  const candidates = variants.filter((v) => matches(v, next));
  if (candidates.length === 0) return "unavailable";
  return candidates.some((v) => v.available > 0) ? "available" : "sold-out";
}

/** Starts from the first variant in stock (or the first variant) so the page opens on something buyable. */
export function initialSelection(
  options: readonly ProductOptionView[],
  variants: readonly MatrixVariant[],
): Selection {
  const start = variants.find((v) => v.available > 0) ?? variants[0];
  if (!start) return {};
  const selection: Record<string, string> = {};
  for (const option of options) {
    const value = option.values.find((val) => start.optionValueIds.includes(val.id));
    if (value) selection[option.id] = value.id;
  }
  return selection;
}

/**
 * Changes one option. When the new combination does not exist (Navy has no XS), the other choices
 * move to the nearest combination that does, preferring one in stock.
 */
export function choose(
  options: readonly ProductOptionView[],
  variants: readonly MatrixVariant[],
  selection: Selection,
  optionId: string,
  valueId: string,
): Selection {
  const next: Record<string, string> = { ...selection, [optionId]: valueId };
  if (variants.some((v) => matches(v, next))) return next;
  const withValue = variants.filter((v) => v.optionValueIds.includes(valueId));
  const best = withValue.find((v) => v.available > 0) ?? withValue[0];
  if (!best) return next;
  const result: Record<string, string> = {};
  for (const option of options) {
    const value = option.values.find((val) => best.optionValueIds.includes(val.id));
    if (value) result[option.id] = value.id;
  }
  return result;
}
