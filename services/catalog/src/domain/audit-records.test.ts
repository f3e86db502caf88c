import { describe, expect, it } from "vitest";
import { auditChanges } from "@emporium/contracts";
import { productFacts, productUpdated, variantPriceChanged, type ProductFactsRow } from "./audit-records";

const row = (over: Partial<ProductFactsRow> = {}): ProductFactsRow => ({
  title: "Linen Shirt",
  description: "Washed linen.",
  status: "DRAFT",
  primaryCategoryId: "c-2",
  brand: { name: "Harbour" },
  categories: [
    { category: { id: "c-3", path: "men/shirts" } },
    { category: { id: "c-1", path: "clothing/tops" } },
    { category: { id: "c-2", path: "sale" } },
  ],
  attributes: [
    { attributeValue: { value: "Linen", attribute: { name: "Material" } } },
    { attributeValue: { value: "Blue", attribute: { name: "Colour" } } },
  ],
  ...over,
});

describe("productFacts", () => {
  it("names the brand, categories (primary first, then by path) and attributes in a stable order", () => {
    expect(productFacts(row())).toEqual({
      title: "Linen Shirt",
      description: "Washed linen.",
      status: "DRAFT",
      brand: "Harbour",
      categories: ["sale", "clothing/tops", "men/shirts"],
      attributes: ["Colour: Blue", "Material: Linen"],
    });
  });

  it("compares equal however the rows come back, so an unchanged edit records no change", () => {
    const shuffled = row({
      categories: [...row().categories].reverse(),
      attributes: [...row().attributes].reverse(),
    });
    const record = productUpdated("p-1", productFacts(row()), productFacts(shuffled));
    expect(auditChanges(record.before, record.after)).toEqual([]);
  });
});

describe("variantPriceChanged", () => {
  it("labels the variant by product title and SKU and records prices in minor units", () => {
    const record = variantPriceChanged(
      { id: "v-1", sku: "LIN-S", productTitle: "Linen Shirt" },
      { price: 4500, compareAtPrice: null },
      { price: 3900, compareAtPrice: 4500 },
    );
    expect(record.target).toEqual({ type: "variant", id: "v-1", label: "Linen Shirt – LIN-S" });
    expect(auditChanges(record.before, record.after)).toEqual([
      { field: "priceCents", before: 4500, after: 3900 },
      { field: "compareAtPriceCents", before: null, after: 4500 },
    ]);
  });
});
