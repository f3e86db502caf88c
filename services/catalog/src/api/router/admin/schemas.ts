// Inputs of the staff product procedures (admin.products.*): list filters, the product and variant
// forms, price and status changes, and the import file.
import { SHOP_CURRENCY, shopCurrency } from "@emporium/contracts";
import { z } from "zod";
import { PRODUCT_STATUSES } from "../../../domain/admin-types";
import { MAX_IMPORT_ROWS } from "../../../domain/product-import";
import { amount, slug } from "../schemas";

export const MAX_ADMIN_PAGE_SIZE = 100;

const id = z.uuid("must be a product or variant id");

export const productListInput = z.strictObject({
  q: z.string().max(200, "must be at most 200 characters").optional(),
  status: z.enum(PRODUCT_STATUSES).optional(),
  page: z.number().int().min(1).max(100_000).default(1),
  limit: z
    .number()
    .int()
    .min(1)
    .max(MAX_ADMIN_PAGE_SIZE, `must be at most ${MAX_ADMIN_PAGE_SIZE}`)
    .default(25),
});

export const productIdInput = z.strictObject({ id });

export const setStatusInput = z.strictObject({ id, status: z.enum(PRODUCT_STATUSES) });

const compareAtAbovePrice = {
  message: "must be higher than the price (it is shown struck through as the old price), or empty",
  path: ["compareAtPrice"],
};

export const setPriceInput = z
  .strictObject({
    variantId: id,
    price: amount.min(1, "must be at least 1 cent"),
    compareAtPrice: amount.nullable().default(null),
  })
  .refine((i) => i.compareAtPrice === null || i.compareAtPrice > i.price, compareAtAbovePrice);

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const title = text(200).min(1, "is required");
const optionText = text(40).min(1, "cannot be empty");

const categoryIds = z
  .array(z.uuid("must be a category id"))
  .max(10, "at most 10 categories")
  .refine((ids) => new Set(ids).size === ids.length, "names a category twice");
const attributeValueIds = z
  .array(z.uuid("must be an attribute value id"))
  .max(40, "at most 40 attribute values")
  .refine((ids) => new Set(ids).size === ids.length, "names a value twice");
const description = text(5000);
const brandId = z.uuid("must be a brand id").nullable();

/** An edit replaces every detail, so each must be sent: a missing list would silently empty it. */
export const productDetailsInput = z.strictObject({
  id,
  title,
  description,
  brandId,
  categoryIds,
  attributeValueIds,
});

const variantSku = z
  .string()
  .trim()
  .max(64, "must be at most 64 characters")
  .regex(/^[A-Z0-9]+(?:-[A-Z0-9]+)*$/, "must be capital letters, digits and hyphens");

export const createProductInput = z
  .strictObject({
    title,
    description: description.default(""),
    brandId: brandId.default(null),
    categoryIds: categoryIds.default([]),
    attributeValueIds: attributeValueIds.default([]),
    slug: slug.optional(),
    status: z.enum(["DRAFT", "PUBLISHED"]).default("DRAFT"),
    currency: shopCurrency.default(SHOP_CURRENCY),
    price: amount.min(1, "must be at least 1 cent"),
    compareAtPrice: amount.nullable().default(null),
    skuPrefix: z
      .string()
      .trim()
      .max(24, "must be at most 24 characters")
      .regex(/^[A-Z0-9]+(?:-[A-Z0-9]+)*$/, "must be capital letters, digits and hyphens, such as TEE-LINEN"),
    options: z
      .array(
        z.strictObject({
          name: optionText,
          values: z.array(optionText).min(1, "needs at least one value").max(50, "at most 50 values"),
        }),
      )
      .max(3, "at most 3 options (such as colour, size and fit)")
      .default([]),
    /** Generated variants given their own SKU or price, by their combination of values. */
    variants: z
      .array(
        z.strictObject({
          values: z.array(optionText).max(3, "at most one value per option"),
          sku: variantSku.optional(),
          price: amount.min(1, "must be at least 1 cent").optional(),
        }),
      )
      .max(100, "at most 100 variants")
      .default([]),
  })
  .refine((i) => i.compareAtPrice === null || i.compareAtPrice > i.price, compareAtAbovePrice);

export const createVariantInput = z
  .strictObject({
    productId: id,
    sku: variantSku,
    values: z.array(optionText).max(3, "at most one value per option"),
    price: amount.min(1, "must be at least 1 cent"),
    compareAtPrice: amount.nullable().default(null),
  })
  .refine((i) => i.compareAtPrice === null || i.compareAtPrice > i.price, compareAtAbovePrice);

export const importInput = z.strictObject({
  /** The file's header, as written. */
  columns: z.array(z.string().max(64, "a column name is at most 64 characters")).max(40),
  rows: z
    .array(z.record(z.string().max(64), z.string().max(10_000, "a cell is at most 10,000 characters")))
    .min(1, "the file has no products under its header")
    .max(MAX_IMPORT_ROWS, `at most ${MAX_IMPORT_ROWS} products per file`),
  /** Checks only unless set; writing checks everything again first. */
  write: z.boolean().default(false),
  /** The line of rows[0] in the file, when a slice of it is checked. */
  firstLine: z.number().int().min(2).max(1_000_000).default(2),
});
