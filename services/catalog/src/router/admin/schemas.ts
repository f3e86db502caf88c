import { z } from "zod";
import { PRODUCT_STATUSES } from "../../domain/admin-types";
import { amount } from "../schemas";

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

export const setPriceInput = z
  .strictObject({
    variantId: id,
    price: amount.min(1, "must be at least 1 cent"),
    compareAtPrice: amount.nullable().default(null),
  })
  .refine((i) => i.compareAtPrice === null || i.compareAtPrice > i.price, {
    path: ["compareAtPrice"],
    message: "must be higher than the price (it is shown struck through as the old price), or empty",
  });

export const lowStockInput = z.strictObject({
  threshold: z.number().int().min(0).max(1_000_000).default(5),
  limit: z
    .number()
    .int()
    .min(1)
    .max(MAX_ADMIN_PAGE_SIZE, `must be at most ${MAX_ADMIN_PAGE_SIZE}`)
    .default(20),
});
