// What staff see of the catalog in the admin: every product whatever its status, with the figures a
// merchant edits (prices in minor units) rather than what a shopper is shown.
import type { VariantOverride } from "./product-plan";
import type { ImageRef } from "./types";

export const PRODUCT_STATUSES = ["DRAFT", "PUBLISHED", "ARCHIVED"] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export interface AdminProductRow {
  id: string;
  slug: string;
  title: string;
  status: ProductStatus;
  brand: string | null;
  minPrice: number;
  maxPrice: number;
  currency: string;
  variantCount: number;
  available: number;
  image: ImageRef | null;
  updatedAt: string;
}

export interface AdminProductPage {
  items: AdminProductRow[];
  page: number;
  pageCount: number;
  total: number;
}

export interface AdminVariant {
  id: string;
  sku: string;
  title: string;
  price: number;
  compareAtPrice: number | null;
  available: number;
}

export interface AdminOption {
  name: string;
  values: string[];
}

export interface AdminProduct {
  id: string;
  slug: string;
  title: string;
  description: string;
  status: ProductStatus;
  brand: string | null;
  brandId: string | null;
  categoryIds: string[];
  attributeValueIds: string[];
  options: AdminOption[];
  currency: string;
  publishedAt: string | null;
  updatedAt: string;
  images: ImageRef[];
  variants: AdminVariant[];
}

export interface AdminProductQuery {
  q?: string | undefined;
  status?: ProductStatus | undefined;
  page: number;
  limit: number;
}

/** What the product forms choose from. */
export interface AdminReference {
  brands: { id: string; name: string }[];
  /** Every category, in tree order, with its path ("clothing/tops") and depth for indenting. */
  categories: { id: string; name: string; path: string; depth: number }[];
  attributes: { id: string; name: string; values: { id: string; value: string }[] }[];
}

/** The fields of a product staff edit after creating it (the slug stays: links to it must not break). */
export interface ProductDetails {
  title: string;
  description: string;
  brandId: string | null;
  /** The first is the primary category, shown in breadcrumbs. */
  categoryIds: string[];
  attributeValueIds: string[];
}

export interface NewProduct extends ProductDetails {
  slug?: string | undefined;
  status: "DRAFT" | "PUBLISHED";
  currency: string;
  /** Every variant starts at this price; staff change them one by one afterwards. */
  price: number;
  compareAtPrice: number | null;
  /** Variant SKUs are the prefix and each value's token: TEE-NAVY-M. */
  skuPrefix: string;
  options: AdminOption[];
  /** Variants given their own SKU or price at creation (the create page's variant rows). */
  variants?: VariantOverride[] | undefined;
}

export interface NewVariant {
  productId: string;
  sku: string;
  /** One value per option of the product, in order; a value the option lacks is added to it. */
  values: string[];
  price: number;
  compareAtPrice: number | null;
}

/** A problem with one product of an import, by its index in the list and the input field. */
export interface DraftProblem {
  index: number;
  field: string;
  message: string;
}

export interface ImportOutcome {
  /** Empty when every product was (or, checking only, would be) created. */
  problems: DraftProblem[];
  created: { id: string; slug: string }[];
}
