// A product listing with facets, sort, result position, grid and pagination (numbered pages and keyset
// Previous/Next, see listing-pagination); shared by category and search pages. Everything is in one GET form so it also works without JavaScript.
import type { ReactNode } from "react";
import type { ProductPage } from "@emporium/catalog/client";
import { EmptyState } from "@emporium/ui/empty-state";
import { ProductCard } from "@emporium/ui/product-card";
import { ProductGrid } from "@emporium/ui/product-grid";
import type { SelectOption } from "@emporium/ui/select";
import { buttonStyles } from "@emporium/ui/button";
import { NextLink } from "@/next-link";
import { cardProps } from "@/product/card-props";
import { ActiveFilters } from "./active-filters";
import { FacetSidebar, type CategoryLink } from "./facet-sidebar";
import { FilterPanel } from "./filter-panel";
import { ListingForm } from "./listing-form";
import { countLabel, ListingPagination, positionLabel } from "./listing-pagination";
import { hasFilters, listingHref, withoutFilters, type ListingState } from "./listing-params";
import { SortSelect } from "./sort-select";

export interface ListingViewProps {
  pathname: string;
  state: ListingState;
  page: ProductPage;
  sortOptions: SelectOption[];
  categoryLinks: CategoryLink[];
  categoryHeading: string;
  /** Shown when nothing matches and no filter is set (filters get a "clear filters" state instead). */
  noResults: ReactNode;
  /** The name of the category a search is narrowed to (?category=), for its filter chip. */
  categoryName?: string | null;
}

function activeFilterCount(state: ListingState): number {
  return (
    state.brands.length +
    Object.values(state.attributes).reduce((n, values) => n + values.length, 0) +
    (state.priceMin !== null || state.priceMax !== null ? 1 : 0) +
    (state.inStock ? 1 : 0) +
    (state.minRating !== null ? 1 : 0) +
    (state.category ? 1 : 0)
  );
}

export function ListingView({
  pathname,
  state,
  page,
  sortOptions,
  categoryLinks,
  categoryHeading,
  noResults,
  categoryName = null,
}: ListingViewProps) {
  const currency = page.items[0]?.currency ?? "USD";
  const filtered = hasFilters(state);

  return (
    <ListingForm action={pathname} defaultSort={state.q ? "relevance" : "newest"}>
      {state.q && <input type="hidden" name="q" value={state.q} />}
      {state.category && <input type="hidden" name="category" value={state.category} />}
      <div className="grid gap-6 lg:grid-cols-[15rem_minmax(0,1fr)] lg:gap-10">
        <div>
          {page.facets && (page.total > 0 || filtered) && (
            <FilterPanel activeCount={activeFilterCount(state)} resultLabel={countLabel(page.total)}>
              <FacetSidebar
                facets={page.facets}
                state={state}
                categoryLinks={categoryLinks}
                categoryHeading={categoryHeading}
              />
            </FilterPanel>
          )}
        </div>
        <section aria-labelledby="results-heading" className="flex min-w-0 flex-col gap-6">
          {/* Named by a heading so the product cards' h3 follow an h2, not the page's h1. */}
          <h2 id="results-heading" className="sr-only">
            Results
          </h2>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p role="status" className="text-sm font-medium text-ink" data-testid="result-count">
              {positionLabel(page)}
            </p>
            <div className="flex items-center gap-2">
              <SortSelect value={page.sort} options={sortOptions} />
              <noscript>
                <button type="submit" className={buttonStyles({ variant: "secondary" })}>
                  Sort
                </button>
              </noscript>
            </div>
          </div>
          <ActiveFilters
            pathname={pathname}
            state={state}
            facets={page.facets}
            currency={currency}
            categoryName={categoryName}
          />
          {page.items.length > 0 ? (
            <div className="transition-opacity group-[.is-pending]/listing:opacity-50">
              <ProductGrid label="Products" columns={3}>
                {page.items.map((item, index) => (
                  // The first row loads at once; the first card's image, the likely LCP, goes first.
                  <ProductCard
                    key={item.id}
                    {...cardProps(item, { eager: index < 3, priority: index === 0 })}
                  />
                ))}
              </ProductGrid>
            </div>
          ) : filtered ? (
            <EmptyState
              title="No products match these filters"
              action={
                <NextLink href={listingHref(pathname, withoutFilters(state))} className={buttonStyles()}>
                  Clear filters
                </NextLink>
              }
            >
              Try removing a filter or widening the price range.
            </EmptyState>
          ) : (
            noResults
          )}
          <ListingPagination pathname={pathname} state={state} page={page} />
        </section>
      </div>
    </ListingForm>
  );
}
