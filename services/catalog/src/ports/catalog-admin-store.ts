// What the admin procedures need from storage: every product whatever its status, and the writes
// staff make. Never cached — staff see and change the rows themselves. Every write takes the staff
// member's audit scope and records its audit event (domain/audit-records.ts) in the outbox, in the
// write's own transaction: a write that fails records nothing.
import type { AuditScope } from "@emporium/contracts";
import type {
  AdminProduct,
  AdminProductPage,
  AdminProductQuery,
  AdminReference,
  AdminVariant,
  ImportOutcome,
  NewProduct,
  NewVariant,
  ProductDetails,
  ProductStatus,
} from "../domain/admin-types";

export interface CatalogAdminStore {
  listProducts(query: AdminProductQuery): Promise<AdminProductPage>;
  /** Throws NotFoundError for an unknown id. */
  product(id: string): Promise<AdminProduct>;
  /** The ids of the products with these slugs, whatever their status; unknown slugs are left out. */
  productIdsBySlug(slugs: readonly string[]): Promise<Map<string, string>>;
  /** Throws NotFoundError for an unknown id; returns the product's slug (for cache invalidation). */
  setStatus(
    id: string,
    status: ProductStatus,
    audit: AuditScope,
  ): Promise<{ slug: string; status: ProductStatus }>;
  /**
   * Sets one variant's price and compare-at ("was") price and keeps its product's price range in step,
   * in one transaction. Throws NotFoundError for an unknown variant.
   */
  setVariantPrice(
    variantId: string,
    price: number,
    compareAtPrice: number | null,
    audit: AuditScope,
  ): Promise<{ slug: string; variant: AdminVariant }>;
  /** Brands, categories and attribute values, for the product forms. */
  reference(): Promise<AdminReference>;
  /**
   * Creates a product with its options, one variant per combination of their values, categories and
   * attributes, and announces the variants (catalog.variants-added.v1) through the catalog's outbox —
   * all in one transaction. Throws InvalidInputError naming the field for a taken slug or SKU, an
   * unknown brand, category or attribute value.
   */
  createProduct(input: NewProduct, audit: AuditScope): Promise<{ id: string; slug: string }>;
  /**
   * Checks many new products (plans, slugs and SKUs against the shop and each other) and, when `write`
   * is set and nothing is wrong, creates them all in one transaction — or none. Names are resolved
   * by the caller. Each product written is audited on its own (product.imported).
   */
  importProducts(products: NewProduct[], write: boolean, audit: AuditScope): Promise<ImportOutcome>;
  /** Throws NotFoundError for an unknown id, InvalidInputError for an unknown brand/category/value. */
  updateProduct(id: string, details: ProductDetails, audit: AuditScope): Promise<{ slug: string }>;
  /** Adds one variant; announced like createProduct's. Throws NotFoundError / InvalidInputError. */
  addVariant(input: NewVariant, audit: AuditScope): Promise<{ slug: string; variant: AdminVariant }>;
}
