// The filters in force as removable chips (each one a link to the same listing without it), plus
// "Clear all". Labels come from the facets, so a chip says "Blue", not "blue".
import Link from "next/link";
import type { Facets } from "@emporium/catalog/client";
import { formatMoney } from "@emporium/ui/money";
import {
  firstPage,
  listingHref,
  toggleFacetValue,
  withoutFilters,
  type ListingState,
} from "./listing-params";

interface Chip {
  label: string;
  href: string;
}

interface ChipContext {
  facets: Facets | null;
  currency: string;
  /** The name of the category a search is narrowed to. */
  categoryName: string | null;
}

function chipsFor(
  pathname: string,
  state: ListingState,
  { facets, currency, categoryName }: ChipContext,
): Chip[] {
  const chips: Chip[] = [];
  for (const slug of state.brands) {
    const label = facets?.brands.find((b) => b.slug === slug)?.label ?? slug;
    chips.push({ label, href: listingHref(pathname, toggleFacetValue(state, "brand", slug)) });
  }
  for (const [attribute, values] of Object.entries(state.attributes)) {
    const facet = facets?.attributes.find((a) => a.slug === attribute);
    for (const slug of values) {
      const label = facet?.values.find((v) => v.slug === slug)?.label ?? slug;
      chips.push({
        label: facet ? `${facet.name}: ${label}` : label,
        href: listingHref(pathname, toggleFacetValue(state, attribute, slug)),
      });
    }
  }
  if (state.priceMin !== null || state.priceMax !== null) {
    const min = state.priceMin !== null ? formatMoney(state.priceMin, currency) : null;
    const max = state.priceMax !== null ? formatMoney(state.priceMax, currency) : null;
    const label = min && max ? `${min} – ${max}` : min ? `From ${min}` : `Up to ${max}`;
    chips.push({
      label,
      href: listingHref(pathname, firstPage({ ...state, priceMin: null, priceMax: null })),
    });
  }
  if (state.minRating !== null)
    chips.push({
      label: `${state.minRating}★ & up`,
      href: listingHref(pathname, firstPage({ ...state, minRating: null })),
    });
  if (state.inStock)
    chips.push({
      label: "In stock only",
      href: listingHref(pathname, firstPage({ ...state, inStock: false })),
    });
  if (state.category)
    chips.push({
      label: `In ${categoryName ?? state.category}`,
      href: listingHref(pathname, firstPage({ ...state, category: null })),
    });
  return chips;
}

export interface ActiveFiltersProps extends ChipContext {
  pathname: string;
  state: ListingState;
}

export function ActiveFilters({ pathname, state, ...context }: ActiveFiltersProps) {
  const chips = chipsFor(pathname, state, context);
  if (chips.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <h2 className="sr-only">Active filters</h2>
      <ul className="flex flex-wrap gap-2">
        {chips.map((chip) => (
          <li key={chip.href}>
            <Link
              href={chip.href}
              scroll={false}
              className="inline-flex items-center gap-1.5 rounded-full bg-brand-50 px-3 py-1 text-sm text-brand-800 ring-1 ring-brand-200 ring-inset hover:bg-brand-100"
            >
              {chip.label}
              <span aria-hidden="true">×</span>
              <span className="sr-only">(remove filter)</span>
            </Link>
          </li>
        ))}
      </ul>
      <Link
        href={listingHref(pathname, withoutFilters(state))}
        scroll={false}
        className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline"
      >
        Clear all
      </Link>
    </div>
  );
}
