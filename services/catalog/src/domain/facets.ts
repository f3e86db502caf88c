// Disjunctive faceting: each facet's counts honour every filter except its own, so choosing "Navy"
// still shows how many products are "Black". This file turns raw counts into what the page shows.
import type { AttributeFilter } from "./listing";
import type { Facets, FacetValue } from "./types";

export interface FacetCounts {
  brands: ReadonlyMap<string, number>;
  attributeValues: ReadonlyMap<string, number>;
  categories: ReadonlyMap<string, number>;
  price: { min: number; max: number } | null;
  inStock: number;
  /** Products rated at least n stars, by n (4, 3, 2, 1). */
  rating: ReadonlyMap<number, number>;
}

export interface FacetDictionary {
  brands: readonly { id: string; slug: string; name: string }[];
  attributes: readonly {
    id: string;
    slug: string;
    name: string;
    values: readonly { id: string; slug: string; value: string }[];
  }[];
  /** The categories one level below the current one (the roots when none is chosen), in display order. */
  childCategories: readonly { id: string; slug: string; name: string; path: string }[];
}

export interface FacetSelection {
  brands: readonly string[];
  attributes: readonly AttributeFilter[];
}

export function assembleFacets(
  counts: FacetCounts,
  dict: FacetDictionary,
  selection: FacetSelection,
): Facets {
  const chosenBrands = new Set(selection.brands);
  const brands: FacetValue[] = dict.brands
    .map((b) => ({
      slug: b.slug,
      label: b.name,
      count: counts.brands.get(b.id) ?? 0,
      selected: chosenBrands.has(b.slug),
    }))
    .filter((v) => v.count > 0 || v.selected)
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));

  const attributes = dict.attributes
    .map((a) => {
      const chosen = new Set(selection.attributes.find((f) => f.slug === a.slug)?.values ?? []);
      const values = a.values
        .map((v) => ({
          slug: v.slug,
          label: v.value,
          count: counts.attributeValues.get(v.id) ?? 0,
          selected: chosen.has(v.slug),
        }))
        .filter((v) => v.count > 0 || v.selected);
      return { slug: a.slug, name: a.name, values };
    })
    .filter((a) => a.values.length > 0);

  const categories = dict.childCategories
    .map((c) => ({ slug: c.slug, name: c.name, path: c.path, count: counts.categories.get(c.id) ?? 0 }))
    .filter((c) => c.count > 0);

  const rating = [4, 3, 2, 1]
    .map((atLeast) => ({ atLeast, count: counts.rating.get(atLeast) ?? 0 }))
    .filter((r) => r.count > 0);

  return { categories, brands, attributes, price: counts.price, inStock: counts.inStock, rating };
}
