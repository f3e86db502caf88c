import type { Metadata } from "next";
import Link from "next/link";
import type { CategoryNode } from "@emporium/catalog/client";
import { EmptyState } from "@emporium/ui/empty-state";
import { categoryHref } from "@/links";
import { getListing } from "@/listing/get-listing";
import {
  firstPage,
  hasFilters,
  listingHref,
  parseListingParams,
  toSearchParams,
  withoutFilters,
  type SearchParamsRecord,
} from "@/listing/listing-params";
import { ListingView } from "@/listing/listing-view";
import { StaleFilters } from "@/listing/stale-filters";
import { TooManySearches } from "@/listing/too-many-searches";
import { WarmingUp } from "@/status/warming-up";
import { attempt } from "@/trpc/catalog-errors";
import { getCategoryTree } from "@/trpc/server";

interface SearchPageProps {
  searchParams: Promise<SearchParamsRecord>;
}

const SORT_OPTIONS = [
  { value: "relevance", label: "Best match" },
  { value: "newest", label: "Newest" },
  { value: "price_asc", label: "Price: low to high" },
  { value: "price_desc", label: "Price: high to low" },
  { value: "rating", label: "Top rated" },
];

export async function generateMetadata({ searchParams }: SearchPageProps): Promise<Metadata> {
  const { q } = parseListingParams(await searchParams);
  return {
    title: q ? `Search results for “${q}”` : "Search",
    robots: { index: false, follow: true },
    alternates: { canonical: "/search" },
  };
}

function categoryName(tree: CategoryNode[], path: string): string | null {
  for (const node of tree) {
    if (node.path === path) return node.name;
    if (path.startsWith(`${node.path}/`)) return categoryName(node.children, path);
  }
  return null;
}

async function Suggestions() {
  const tree = await attempt(getCategoryTree());
  const departments = tree.ok ? tree.data : [];
  return (
    <div className="flex flex-col items-center gap-3">
      <p>Check the spelling, use fewer or more general words, or browse a department:</p>
      <ul className="flex flex-wrap justify-center gap-2">
        {departments.map((d) => (
          <li key={d.slug}>
            <Link
              href={categoryHref(d.path)}
              className="inline-block rounded-full border border-line-strong bg-surface px-3 py-1 text-sm text-ink hover:border-ink"
            >
              {d.name}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

export default async function SearchPage({ searchParams }: SearchPageProps) {
  const state = parseListingParams(await searchParams);
  const pathname = "/search";

  if (!state.q && !hasFilters(state)) {
    return (
      <div className="mx-auto max-w-3xl px-4 py-16 text-center sm:px-6">
        <h1 className="text-3xl font-semibold tracking-tight">What are you looking for?</h1>
        <p className="mt-3 text-ink-muted">Type a product, brand or category into the search box above.</p>
        <div className="mt-8">
          <Suggestions />
        </div>
      </div>
    );
  }

  const [listing, tree] = await Promise.all([
    attempt(getListing(null, toSearchParams(state).toString())),
    attempt(getCategoryTree()),
  ]);
  if (!listing.ok && listing.failure.kind === "unavailable")
    return <WarmingUp detail={listing.failure.message} />;

  const heading = state.q ? `Results for “${state.q}”` : "All products";
  const corrected = listing.ok ? listing.data.correctedQuery : null;

  let body;
  if (listing.ok) {
    const categoryLinks = (listing.data.facets?.categories ?? []).map((c) => ({
      name: c.name,
      href: listingHref(pathname, firstPage({ ...state, category: c.path })),
      count: c.count,
      current: false,
    }));
    body = (
      <ListingView
        pathname={pathname}
        state={state}
        page={listing.data}
        sortOptions={state.q ? SORT_OPTIONS : SORT_OPTIONS.filter((o) => o.value !== "relevance")}
        categoryLinks={categoryLinks}
        categoryHeading="Category"
        categoryName={state.category && tree.ok ? categoryName(tree.data, state.category) : null}
        noResults={
          <EmptyState title={`No results for “${state.q}”`}>
            <Suggestions />
          </EmptyState>
        }
      />
    );
  } else if (listing.failure.kind === "too-many") {
    body = <TooManySearches message={listing.failure.message} retryHref={listingHref(pathname, state)} />;
  } else {
    const clearHref =
      listing.failure.kind === "bad-request" &&
      (listing.failure.field === "cursor" || listing.failure.field === "page")
        ? listingHref(pathname, firstPage(state))
        : listingHref(pathname, withoutFilters(state));
    body = <StaleFilters clearHref={clearHref} />;
  }

  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6 lg:px-8">
      <header className="mb-8">
        <h1 className="text-3xl font-semibold tracking-tight">{heading}</h1>
        {corrected && (
          <p className="mt-2 text-ink-muted" data-testid="corrected-query">
            Showing results for <strong className="font-semibold text-ink">{corrected}</strong>
          </p>
        )}
      </header>
      {body}
    </div>
  );
}
