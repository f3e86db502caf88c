// Input field formats shared by the orders procedures.
import { z } from "zod";
import { address as contractAddress, MAX_LINE_QUANTITY, paymentToken } from "@emporium/contracts";
import { IDEMPOTENCY_KEY } from "../../domain/idempotency";
import { ORDER_NUMBER } from "../../domain/order-number";

export const cartToken = z.string().min(10).max(200, "must be a cart token");
export const variantId = z.uuid("must be a product variant id");
const upToLineLimit = z
  .number("must be a number")
  .int("must be a whole number")
  .max(MAX_LINE_QUANTITY, `must be at most ${MAX_LINE_QUANTITY}`);
/** Units to add to a line. */
export const quantity = upToLineLimit.min(1, "must be at least 1");
/** A line's new quantity; 0 removes the line. */
export const lineQuantity = upToLineLimit.min(0, "must be 0 or more");
export const email = z.email("must be an email address such as ada@example.com").max(254);
export const shippingMethod = z.enum(["standard", "express"], "must be standard or express");
export const address = contractAddress.extend({
  name: z.string().trim().min(1, "is required").max(120),
  line1: z.string().trim().min(1, "is required").max(200),
  city: z.string().trim().min(1, "is required").max(120),
  postalCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{1,10}[A-Za-z0-9]$/, "must be a postal code such as 10115 or SW1A 1AA"),
});
export { paymentToken };
export const idempotencyKey = z.string().regex(IDEMPOTENCY_KEY, "must be 16–128 letters, digits, - or _");
export const orderNumber = z.string().trim().toUpperCase().regex(ORDER_NUMBER, "must look like EM-ABCD-1234");
export const orderId = z.uuid("must be an order id");
export const accessToken = z.string().min(10).max(100);
