import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@emporium/ui/breadcrumbs";
import { EmptyState } from "@emporium/ui/empty-state";
import { env } from "@/env";
import { CATEGORY_PATH, categoryHref } from "@/links";
import {
  firstPage,
  hasFilters,
  listingHref,
  parseListingParams,
  toSearchParams,
  withoutFilters,
  type SearchParamsRecord,
} from "@/listing/listing-params";
import { getListing } from "@/listing/get-listing";
import { ListingView } from "@/listing/listing-view";
import { StaleFilters } from "@/listing/stale-filters";
import { TooManySearches } from "@/listing/too-many-searches";
import { NextLink } from "@/next-link";
import { breadcrumbList, ROOT_CRUMB } from "@/seo/structured-data";
import { JsonLd } from "@/seo/json-ld";
import { WarmingUp } from "@/status/warming-up";
import { attempt } from "@/trpc/catalog-errors";
import { getCategory } from "@/trpc/server";

interface CategoryPageProps {
  params: Promise<{ path: string[] }>;
  searchParams: Promise<SearchParamsRecord>;
}

const SORT_OPTIONS = [
  { value: "newest", label: "Newest" },
  { value: "price_asc", label: "Price: low to high" },
  { value: "price_desc", label: "Price: high to low" },
  { value: "rating", label: "Top rated" },
];

async function resolve(props: CategoryPageProps) {
  const path = (await props.params).path.join("/");
  if (!CATEGORY_PATH.test(path)) notFound();
  const state = parseListingParams(await props.searchParams);
  return { path, state, query: toSearchParams(state).toString() };
}

export async function generateMetadata(props: CategoryPageProps): Promise<Metadata> {
  const { path, state, query } = await resolve(props);
  const [category, listing] = await Promise.all([
    attempt(getCategory(path)),
    attempt(getListing(path, query)),
  ]);
  if (!category.ok) return { title: "Shop", robots: { index: false } };
  const { name, description, productCount } = category.data.category;
  const image = listing.ok ? listing.data.items[0]?.image : undefined;
  const summary = description ?? `Shop ${productCount} products in ${name} at Emporium.`;
  return {
    title: name,
    description: summary,
    alternates: { canonical: categoryHref(path) },
    // Filtered and paged variants are reachable but not separate pages for search engines.
    robots:
      hasFilters(state) || state.cursor || state.page || state.sort
        ? { index: false, follow: true }
        : undefined,
    openGraph: {
      title: name,
      description: summary,
      url: categoryHref(path),
      images: image
        ? [{ url: image.url, width: image.width, height: image.height, alt: image.alt }]
        : undefined,
    },
  };
}

export default async function CategoryPage(props: CategoryPageProps) {
  const { path, state, query } = await resolve(props);
  const [categoryResult, listing] = await Promise.all([
    attempt(getCategory(path)),
    attempt(getListing(path, query)),
  ]);
  if (!categoryResult.ok) {
    if (categoryResult.failure.kind === "unavailable")
      return <WarmingUp detail={categoryResult.failure.message} />;
    notFound();
  }
  const { category, breadcrumbs } = categoryResult.data;
  const pathname = categoryHref(path);
  const crumbs = [ROOT_CRUMB, ...breadcrumbs.map((c) => ({ name: c.name, path: categoryHref(c.path) }))];
  // Sub-category links keep the shopper's filters; their counts honour them too.
  const subcategoryLinks = listing.ok
    ? (listing.data.facets?.categories ?? []).map((c) => ({
        name: c.name,
        href: listingHref(categoryHref(c.path), firstPage(state)),
        count: c.count,
        current: false,
      }))
    : [];

  let body;
  if (listing.ok) {
    body = (
      <ListingView
        pathname={pathname}
        state={state}
        page={listing.data}
        sortOptions={SORT_OPTIONS}
        categoryLinks={subcategoryLinks}
        categoryHeading={category.children.length > 0 ? `In ${category.name}` : "Categories"}
        noResults={
          <EmptyState title={`Nothing in ${category.name} yet`}>
            New products arrive every week; check back soon.
          </EmptyState>
        }
      />
    );
  } else if (listing.failure.kind === "bad-request") {
    const clearHref =
      listing.failure.field === "cursor" || listing.failure.field === "page"
        ? listingHref(pathname, firstPage(state))
        : listingHref(pathname, withoutFilters(state));
    body = <StaleFilters clearHref={clearHref} />;
  } else if (listing.failure.kind === "too-many") {
    // A search within the category (?q=) is limited like any other.
    body = <TooManySearches message={listing.failure.message} retryHref={listingHref(pathname, state)} />;
  } else if (listing.failure.kind === "unavailable") {
    return <WarmingUp detail={listing.failure.message} />;
  } else {
    notFound();
  }

  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6 lg:px-8">
      <JsonLd data={breadcrumbList(env.SITE_URL, crumbs)} />
      <Breadcrumbs items={crumbs.map((c) => ({ label: c.name, href: c.path }))} LinkComponent={NextLink} />
      <header className="mt-4 mb-8 max-w-3xl">
        <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">{category.name}</h1>
        {category.description && <p className="mt-2 text-ink-muted">{category.description}</p>}
      </header>
      {body}
    </div>
  );
}
