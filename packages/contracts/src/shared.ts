// Field shapes several messages share.
import { z } from "zod";

/** An amount in the currency's minor units (cents); currencyExponent and toMajorUnits in money.ts. */
export const money = z.number().int().min(0).max(1_000_000_000);
export const currency = z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as USD");

/**
 * The one currency the shop sells in, every amount in its minor unit (cents). Until multi-currency
 * exists, a price in any other currency is refused where it would enter the shop (a product's creation
 * or import) and where it would meet a cart (adding to it): a product priced 1000 JPY must never be
 * charged as $10.00.
 */
export const SHOP_CURRENCY = "USD";
export const shopCurrency = z.literal(
  SHOP_CURRENCY,
  `must be ${SHOP_CURRENCY}: the shop sells in one currency until multi-currency exists`,
);
export const id = z.uuid();

export const address = z.object({
  name: z.string().min(1).max(120),
  line1: z.string().min(1).max(200),
  line2: z.string().max(200).optional(),
  city: z.string().min(1).max(120),
  region: z.string().max(120).optional(),
  postalCode: z.string().min(2).max(20),
  country: z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166 country code such as US"),
  phone: z.string().max(40).optional(),
});
export type Address = z.infer<typeof address>;

export const orderLine = z.object({
  variantId: id,
  sku: z.string().min(1).max(64),
  title: z.string().min(1).max(300),
  quantity: z.number().int().min(1).max(1000),
  unitPrice: money,
});
export type OrderLineData = z.infer<typeof orderLine>;
