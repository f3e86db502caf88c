// What the staff audit log records of a change to the catalog: each action's name, and the fields of a
// product, variant or image whose values before and after are compared (@emporium/contracts' audit
// builder keeps only those that differ). Plain values and names rather than ids, so an entry still reads
// after a brand or category was renamed or removed; prices in minor units, as staff enter them.
import type { AuditRecord, AuditValue } from "@emporium/contracts";
import type { AdminOption } from "./admin-types";

export const CATALOG_AUDIT_ACTIONS = {
  productCreated: "product.created",
  /** One per product an import writes. */
  productImported: "product.imported",
  productUpdated: "product.updated",
  productStatusChanged: "product.status-changed",
  variantCreated: "variant.created",
  variantPriceChanged: "variant.price-changed",
  mediaAdded: "product.media-added",
  mediaRemoved: "product.media-removed",
  mediaReordered: "product.media-reordered",
  mediaAltChanged: "product.media-alt-changed",
} as const;

type Fields = Record<string, AuditValue>;

/** The details staff edit on a product, as the audit log compares them. */
export type ProductFacts = {
  title: string;
  description: string;
  status: string;
  brand: string | null;
  /** Category paths ("clothing/tops"): the primary (breadcrumb) one first, the rest in path order. */
  categories: string[];
  /** "Material: Linen", in order. */
  attributes: string[];
};

/** A product row with what ProductFacts names (see the adapter's select). */
export interface ProductFactsRow {
  title: string;
  description: string;
  status: string;
  primaryCategoryId: string | null;
  brand: { name: string } | null;
  categories: { category: { id: string; path: string } }[];
  attributes: { attributeValue: { value: string; attribute: { name: string } } }[];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function productFacts(row: ProductFactsRow): ProductFacts {
  const primary = (c: { id: string }) => Number(c.id === row.primaryCategoryId);
  return {
    title: row.title,
    description: row.description,
    status: row.status,
    brand: row.brand?.name ?? null,
    categories: row.categories
      .map((c) => c.category)
      .sort((a, b) => primary(b) - primary(a) || byText(a.path, b.path))
      .map((c) => c.path),
    attributes: row.attributes
      .map((a) => `${a.attributeValue.attribute.name}: ${a.attributeValue.value}`)
      .sort(byText),
  };
}

/** What a person calls a variant: its product's title and its SKU. */
export const variantLabel = (productTitle: string, sku: string) => `${productTitle} – ${sku}`;

/** A product made by staff (the form or an import), with everything it was given. */
export function productCreated(
  action: typeof CATALOG_AUDIT_ACTIONS.productCreated | typeof CATALOG_AUDIT_ACTIONS.productImported,
  product: {
    id: string;
    slug: string;
    currency: string;
    price: number;
    compareAtPrice: number | null;
    options: AdminOption[];
    skus: string[];
  },
  facts: ProductFacts,
): AuditRecord {
  return {
    action,
    target: { type: "product", id: product.id, label: facts.title },
    before: null,
    after: {
      ...facts,
      slug: product.slug,
      currency: product.currency,
      priceCents: product.price,
      compareAtPriceCents: product.compareAtPrice,
      options: product.options.map((o) => `${o.name}: ${o.values.join(" | ")}`),
      skus: product.skus,
    },
  };
}

export function productUpdated(id: string, before: ProductFacts, after: ProductFacts): AuditRecord {
  return {
    action: CATALOG_AUDIT_ACTIONS.productUpdated,
    target: { type: "product", id, label: after.title },
    before,
    after,
  };
}

export function productStatusChanged(
  product: { id: string; title: string },
  before: string,
  after: string,
): AuditRecord {
  return {
    action: CATALOG_AUDIT_ACTIONS.productStatusChanged,
    target: { type: "product", id: product.id, label: product.title },
    before: { status: before },
    after: { status: after },
  };
}

export interface VariantFacts {
  id: string;
  sku: string;
  title: string;
  price: number;
  compareAtPrice: number | null;
  currency: string;
}

export function variantCreated(productTitle: string, variant: VariantFacts): AuditRecord {
  return {
    action: CATALOG_AUDIT_ACTIONS.variantCreated,
    target: { type: "variant", id: variant.id, label: variantLabel(productTitle, variant.sku) },
    before: null,
    after: {
      sku: variant.sku,
      title: variant.title,
      priceCents: variant.price,
      compareAtPriceCents: variant.compareAtPrice,
      currency: variant.currency,
    },
  };
}

type Price = { price: number; compareAtPrice: number | null };

export function variantPriceChanged(
  variant: { id: string; sku: string; productTitle: string },
  before: Price,
  after: Price,
): AuditRecord {
  const fields = (p: Price): Fields => ({ priceCents: p.price, compareAtPriceCents: p.compareAtPrice });
  return {
    action: CATALOG_AUDIT_ACTIONS.variantPriceChanged,
    target: { type: "variant", id: variant.id, label: variantLabel(variant.productTitle, variant.sku) },
    before: fields(before),
    after: fields(after),
  };
}

/**
 * A product's images as fields: `images` is their order (ids), `images.<id>` an image's address,
 * `images.<id>.alt` its description and `images.<id>.option` the option value it shows ("Colour: Navy").
 */
export interface ImageFacts {
  id: string;
  url: string;
  alt: string;
  option: string | null;
}

function imageFields(image: ImageFacts): Fields {
  return {
    [`images.${image.id}`]: image.url,
    [`images.${image.id}.alt`]: image.alt,
    [`images.${image.id}.option`]: image.option,
  };
}

type Product = { id: string; title: string };
const productTarget = (p: Product) => ({ type: "product", id: p.id, label: p.title });

export function mediaAdded(product: Product, image: ImageFacts): AuditRecord {
  return {
    action: CATALOG_AUDIT_ACTIONS.mediaAdded,
    target: productTarget(product),
    before: {},
    after: imageFields(image),
  };
}

export function mediaRemoved(product: Product, image: ImageFacts): AuditRecord {
  return {
    action: CATALOG_AUDIT_ACTIONS.mediaRemoved,
    target: productTarget(product),
    before: imageFields(image),
    after: {},
  };
}

export function mediaReordered(product: Product, before: string[], after: string[]): AuditRecord {
  return {
    action: CATALOG_AUDIT_ACTIONS.mediaReordered,
    target: productTarget(product),
    before: { images: before },
    after: { images: after },
  };
}

export function mediaAltChanged(
  product: Product,
  mediaId: string,
  before: string,
  after: string,
): AuditRecord {
  return {
    action: CATALOG_AUDIT_ACTIONS.mediaAltChanged,
    target: productTarget(product),
    before: { [`images.${mediaId}.alt`]: before },
    after: { [`images.${mediaId}.alt`]: after },
  };
}
