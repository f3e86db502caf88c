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
} from "../domain/types";

export interface CatalogStore {
  categoryTree(): Promise<CategoryNode[]>;
  /** Throws NotFoundError for an unknown category and InvalidInputError for unknown filter values. */
  listProducts(query: ListingQuery): Promise<ProductPage>;
  /** A published product, or null. */
  productBySlug(slug: string): Promise<ProductDetail | null>;
  suggest(q: string, limit: number): Promise<Suggestions>;
  home(): Promise<HomePage>;
  sitemap(): Promise<SitemapEntry[]>;
  /** Resolves when the database answers. */
  ping(): Promise<void>;
}
