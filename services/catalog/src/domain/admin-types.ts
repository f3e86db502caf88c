// What staff see of the catalog in the admin: every product whatever its status, with the figures a
// merchant edits (prices in minor units) rather than what a shopper is shown.
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

export interface AdminProduct {
  id: string;
  slug: string;
  title: string;
  description: string;
  status: ProductStatus;
  brand: string | null;
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

/** A published variant whose available units (the catalog's stock read model) are at or below a threshold. */
export interface LowStockVariant {
  productId: string;
  productTitle: string;
  variantId: string;
  sku: string;
  variantTitle: string;
  available: number;
}
