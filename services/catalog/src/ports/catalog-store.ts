// What the catalog's procedures need from storage. One adapter (Prisma over PostgreSQL or PGlite) and a
// caching decorator implement it.
import type { ListingQuery } from "../domain/listing";
import type {
  CategoryNode,
  HomePage,
  ProductDetail,
  ProductPage,
  SitemapEntry,
  Suggestions,
  VariantSummary,
} from "../domain/types";

export interface CatalogStore {
  categoryTree(): Promise<CategoryNode[]>;
  /** Throws NotFoundError for an unknown category and InvalidInputError for unknown filter values. */
  listProducts(query: ListingQuery): Promise<ProductPage>;
  /** A published product, or null. */
  productBySlug(slug: string): Promise<ProductDetail | null>;
  suggest(q: string, limit: number): Promise<Suggestions>;
  /** Published variants by id (unknown or unpublished ids are left out). */
  variants(ids: readonly string[]): Promise<VariantSummary[]>;
  home(): Promise<HomePage>;
  sitemap(): Promise<SitemapEntry[]>;
  /** Resolves when the database answers. */
  ping(): Promise<void>;
}
