/**
 * The deepest a listing pages by offset: relevance and rating cursors, and product.list's `page` (page
 * N of a listing, for numbered page links). Keyset cursors (newest and price orders) go deeper.
 */
export const MAX_OFFSET = 10_000;
