// What a browser bundle may take from the catalog without its tRPC client (which @emporium/catalog/client
// brings in): the option matrix the storefront picks variants with, and how deep a listing opens a page
// by number. The client re-exports them for everyone else.
export {
  choose,
  findVariant,
  initialSelection,
  valueState,
  type Selection,
  type ValueState,
} from "./domain/variant-matrix";
/** How deep a listing opens a page by number (product.list's `page`): numbered links stop there. */
export { MAX_OFFSET } from "./domain/paging";
