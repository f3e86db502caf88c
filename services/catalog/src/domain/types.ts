// What the catalog hands out: plain data, the same over tRPC, in caches and in tests.

export interface ImageRef {
  url: string;
  alt: string;
  width: number;
  height: number;
}

export interface BrandRef {
  slug: string;
  name: string;
}

export interface ProductCard {
  id: string;
  slug: string;
  title: string;
  brand: BrandRef | null;
  minPrice: number;
  maxPrice: number;
  /** The highest "was" price among variants on sale, for a strike-through. */
  compareAtPrice: number | null;
  currency: string;
  inStock: boolean;
  image: ImageRef | null;
  /** Its approved reviews' summary (from the reviews service's events); null before the first one. */
  rating: RatingSummary | null;
  createdAt: string;
}

export interface RatingSummary {
  /** 1–5, two decimals. */
  average: number;
  count: number;
}

export interface CategoryRef {
  slug: string;
  name: string;
  path: string;
}

export interface CategoryNode extends CategoryRef {
  id: string;
  depth: number;
  featured: boolean;
  description: string | null;
  /** Published products in this category and every category below it. */
  productCount: number;
  children: CategoryNode[];
}

export interface FacetValue {
  slug: string;
  label: string;
  count: number;
  selected: boolean;
}

export interface Facets {
  categories: (CategoryRef & { count: number })[];
  brands: FacetValue[];
  attributes: { slug: string; name: string; values: FacetValue[] }[];
  /** Lowest and highest price among products matching every filter but the price range. */
  price: { min: number; max: number } | null;
  inStock: number;
  /** Products rated at least 4, 3, 2 and 1 stars ("4★ & up"), with every filter but the rating's. */
  rating: { atLeast: number; count: number }[];
}

export type SortOrder = "relevance" | "newest" | "price_asc" | "price_desc" | "rating";

export interface ProductPage {
  items: ProductCard[];
  total: number;
  /**
   * How many matching products come before this page's first item (0 on the first page), so a listing
   * can say "25–48 of 352" and which page number it is on; null when the page was opened by a keyset
   * cursor that does not carry its position.
   */
  offset: number | null;
  nextCursor: string | null;
  prevCursor: string | null;
  sort: SortOrder;
  /** The query as it was searched after spelling correction, when it differs from what was typed. */
  correctedQuery: string | null;
  facets: Facets | null;
}

export interface ProductOptionView {
  id: string;
  name: string;
  values: { id: string; value: string }[];
}

export interface VariantView {
  id: string;
  sku: string;
  title: string;
  price: number;
  compareAtPrice: number | null;
  available: number;
  optionValueIds: string[];
}

export interface ProductDetail {
  id: string;
  slug: string;
  title: string;
  description: string;
  brand: BrandRef | null;
  currency: string;
  minPrice: number;
  maxPrice: number;
  inStock: boolean;
  breadcrumbs: CategoryRef[];
  options: ProductOptionView[];
  variants: VariantView[];
  media: (ImageRef & { optionValueId: string | null })[];
  attributes: { slug: string; name: string; values: string[] }[];
  createdAt: string;
  updatedAt: string;
}

export interface Suggestions {
  query: string;
  correctedQuery: string | null;
  products: Pick<ProductCard, "slug" | "title" | "image" | "minPrice" | "currency" | "brand">[];
  categories: CategoryRef[];
  brands: BrandRef[];
}

export interface HomePage {
  featuredCategories: (CategoryRef & {
    description: string | null;
    productCount: number;
    image: ImageRef | null;
  })[];
  newArrivals: ProductCard[];
  featuredProducts: ProductCard[];
}

export interface SitemapEntry {
  path: string;
  updatedAt: string;
}

/** One purchasable variant with what a cart needs to show and price it. */
export interface VariantSummary {
  id: string;
  sku: string;
  title: string;
  productId: string;
  productTitle: string;
  productSlug: string;
  price: number;
  compareAtPrice: number | null;
  currency: string;
  available: number;
  image: ImageRef | null;
}
