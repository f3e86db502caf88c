// One product listing per request and query: the page and its metadata share the answer.
import { cache } from "react";
import { connection } from "next/server";
import { catalog, searchCatalog } from "@/trpc/server";
import { parseListingParams, toListInput } from "./listing-params";

/**
 * `query` is the canonical query string of the listing state (a string, so React's cache can key on
 * it); `category` is the category page's path, or null on the search page.
 */
export const getListing = cache(async (category: string | null, query: string) => {
  await connection();
  const state = parseListingParams(new URLSearchParams(query));
  // A listing with search text is a search, which the catalog limits per shopper.
  return (state.q ? searchCatalog : catalog).product.list.query(toListInput(state, { category }));
});
