import { LOW_STOCK } from "@/seo/structured-data";

export interface Availability {
  label: string;
  tone: "success" | "warning" | "sale";
}

/** What a shopper reads about a variant's stock: "In stock", "Only 3 left" or "Sold out". */
export function availabilityOf(available: number): Availability {
  if (available <= 0) return { label: "Sold out", tone: "sale" };
  if (available <= LOW_STOCK) return { label: `Only ${available} left`, tone: "warning" };
  return { label: "In stock", tone: "success" };
}
