// Which carrier takes a parcel, by the shipping method the shopper chose at checkout.

export type ShippingMethod = "standard" | "express";

export interface Carrier {
  name: string;
  /** Two letters that start the carrier's tracking numbers. */
  prefix: string;
  method: ShippingMethod;
}

const CARRIERS: Record<ShippingMethod, Carrier> = {
  standard: { name: "Parcelforce", prefix: "PF", method: "standard" },
  express: { name: "DHL Express", prefix: "DX", method: "express" },
};

export class UnknownShippingMethodError extends Error {
  override name = "UnknownShippingMethodError";
}

export function carrierFor(method: string): Carrier {
  const key = method.trim().toLowerCase();
  if (key === "standard" || key === "express") return CARRIERS[key];
  throw new UnknownShippingMethodError(
    `no carrier for shipping method ${JSON.stringify(method.slice(0, 40))} (standard or express)`,
  );
}
