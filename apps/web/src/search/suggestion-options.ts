// Autocomplete suggestions as one flat, ordered list of options (what the arrow keys walk through),
// grouped for display: products, then categories, then brands, then "search for …".
import type { Suggestions } from "@emporium/catalog/client";
import { categoryHref, productHref, searchHref } from "@/links";

/** "sports-outdoors" → "Sports outdoors": the parent categories' names are not in the suggestion. */
function titleCase(slug: string): string {
  const words = slug.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface SuggestionOption {
  key: string;
  kind: "product" | "category" | "brand" | "search";
  label: string;
  href: string;
  /** Secondary text: the brand of a product, "Category", … */
  detail: string | null;
  image: { src: string; width: number; height: number } | null;
  price: { amount: number; currency: string } | null;
}

export interface SuggestionGroup {
  label: string;
  options: SuggestionOption[];
}

export function suggestionGroups(suggestions: Suggestions, typed: string): SuggestionGroup[] {
  const products: SuggestionOption[] = suggestions.products.map((p) => ({
    key: `product:${p.slug}`,
    kind: "product",
    label: p.title,
    href: productHref(p.slug),
    detail: p.brand?.name ?? null,
    image: p.image ? { src: p.image.url, width: p.image.width, height: p.image.height } : null,
    price: { amount: p.minPrice, currency: p.currency },
  }));
  const categories: SuggestionOption[] = suggestions.categories.map((c) => ({
    key: `category:${c.path}`,
    kind: "category",
    label: c.name,
    href: categoryHref(c.path),
    detail: c.path.includes("/") ? c.path.split("/").slice(0, -1).map(titleCase).join(" › ") : null,
    image: null,
    price: null,
  }));
  const brands: SuggestionOption[] = suggestions.brands.map((b) => ({
    key: `brand:${b.slug}`,
    kind: "brand",
    label: b.name,
    href: `/search?brand=${encodeURIComponent(b.slug)}`,
    detail: null,
    image: null,
    price: null,
  }));
  const query = typed.trim();
  const all: SuggestionOption = {
    key: "search",
    kind: "search",
    label: `Search for “${query}”`,
    href: searchHref(query),
    detail: null,
    image: null,
    price: null,
  };
  return [
    { label: "Products", options: products },
    { label: "Categories", options: categories },
    { label: "Brands", options: brands },
    { label: "All results", options: [all] },
  ].filter((group) => group.options.length > 0);
}

export function flattenGroups(groups: SuggestionGroup[]): SuggestionOption[] {
  return groups.flatMap((g) => g.options);
}

/** The next active option for an arrow key, wrapping at both ends; -1 means none (focus in the box). */
export function moveActive(current: number, count: number, key: "ArrowDown" | "ArrowUp"): number {
  if (count === 0) return -1;
  if (key === "ArrowDown") return current + 1 >= count ? 0 : current + 1;
  return current <= 0 ? count - 1 : current - 1;
}
