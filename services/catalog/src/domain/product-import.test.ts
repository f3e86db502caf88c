import { describe, expect, it } from "vitest";
import type { AdminProduct, AdminReference } from "./admin-types";
import {
  checkColumns,
  columnFor,
  differingColumns,
  exportRow,
  parsePrice,
  rowToDraft,
  slugOfDraft,
} from "./product-import";

const reference: AdminReference = {
  brands: [{ id: "b1", name: "Kestrel" }],
  categories: [{ id: "c1", name: "Tops", path: "clothing/tops", depth: 1 }],
  attributes: [{ id: "a1", name: "Material", values: [{ id: "v1", value: "Linen" }] }],
};

describe("product import rows", () => {
  it("parses prices exactly in the currency's minor units, passing anything else on as written", () => {
    expect(parsePrice("24.90", "USD")).toBe(2490);
    expect(parsePrice("1,299", "USD")).toBe(129900);
    expect(parsePrice("7", "USD")).toBe(700);
    expect(parsePrice("1500", "JPY")).toBe(1500);
    expect(parsePrice("15.5", "JPY")).toBe("15.5");
    expect(parsePrice("1.234", "USD")).toBe("1.234");
    expect(parsePrice("ten", "USD")).toBe("ten");
  });

  it("resolves names case-blind and reports each unknown one in its column", () => {
    const { draft, problems } = rowToDraft(
      {
        title: " Linen Tee ",
        brand: "kestrel",
        categories: "Clothing/Tops | nowhere",
        attributes: "material: LINEN|Fit: Loose|nonsense",
        option1_name: "Size",
        option1_values: "S| M |",
        option2_values: "Navy",
        price: "24.90",
        sku_prefix: "tee",
      },
      3,
      reference,
    );
    expect(draft).toMatchObject({
      title: "Linen Tee",
      brandId: "b1",
      categoryIds: ["c1"],
      attributeValueIds: ["v1"],
      options: [{ name: "Size", values: ["S", "M"] }],
      price: 2490,
      compareAtPrice: null,
      skuPrefix: "TEE",
      status: "DRAFT",
    });
    expect(problems).toEqual([
      { line: 5, column: "categories", message: 'no category has the path "nowhere"' },
      {
        line: 5,
        column: "attributes",
        message: '"Fit: Loose" is not an attribute and value such as Material: Linen',
      },
      {
        line: 5,
        column: "attributes",
        message: '"nonsense" is not an attribute and value such as Material: Linen',
      },
      { line: 5, column: "option2_name", message: "option 2 has values but no name" },
    ]);
  });

  it("refuses a price in any currency but the shop's", () => {
    const { problems } = rowToDraft({ title: "Tee", currency: "jpy", price: "1000" }, 0, reference);
    expect(problems).toContainEqual({
      line: 2,
      column: "currency",
      message: '"jpy" is not USD: the shop sells in one currency until multi-currency exists',
    });
    expect(rowToDraft({ title: "Tee", currency: "usd", price: "10" }, 0, reference).problems).toEqual([]);
  });

  it("checks the header and maps input fields back to columns", () => {
    expect(checkColumns(["title", "price", "sku_prefix", "option1_values"])).toEqual([]);
    expect(checkColumns(["Title"]).map((p) => p.message)).toHaveLength(4);
    expect(columnFor("options.2.values.1")).toBe("option3_values");
    expect(columnFor("options.0.name")).toBe("option1_name");
    expect(columnFor("options")).toBe("option1_values");
    expect(columnFor("compareAtPrice")).toBe("compare_at_price");
    expect(columnFor("categoryIds.1")).toBe("categories");
    expect(columnFor("somethingElse")).toBe("file");
  });
});

describe("product export rows", () => {
  const product: AdminProduct = {
    id: "p1",
    slug: "linen-tee",
    title: "=Linen Tee",
    description: "Soft, loose linen.",
    status: "PUBLISHED",
    brand: "Kestrel",
    brandId: "b1",
    categoryIds: ["c1"],
    attributeValueIds: ["v1"],
    options: [
      { name: "Colour", values: ["Sea Green", "Sand"] },
      { name: "Size", values: ["S", "M"] },
    ],
    currency: "USD",
    publishedAt: null,
    updatedAt: "2026-12-07T00:00:00.000Z",
    images: [],
    variants: [
      {
        id: "a",
        sku: "TEE-SEA-GREEN-S",
        title: "Sea Green / S",
        price: 2490,
        compareAtPrice: 2990,
        available: 3,
      },
      { id: "b", sku: "TEE-SAND-M", title: "Sand / M", price: 2690, compareAtPrice: null, available: 0 },
    ],
  };

  it("writes a product in the import's columns, with names, paths and the lowest price", () => {
    expect(exportRow(product, reference)).toEqual({
      title: "=Linen Tee",
      slug: "linen-tee",
      description: "Soft, loose linen.",
      brand: "Kestrel",
      categories: "clothing/tops",
      attributes: "Material: Linen",
      status: "published",
      currency: "USD",
      price: "24.90",
      compare_at_price: "29.90",
      sku_prefix: "TEE",
      option1_name: "Colour",
      option1_values: "Sea Green|Sand",
      option2_name: "Size",
      option2_values: "S|M",
      option3_name: "",
      option3_values: "",
    });
  });

  it("reads its own export back as the same product, a formula-defused cell included", () => {
    const row = { ...exportRow(product, reference), title: "'=Linen Tee" };
    const back = rowToDraft(row, 0, reference);
    expect(back.problems).toEqual([]);
    const again = rowToDraft(exportRow(product, reference), 0, reference).draft;
    expect(differingColumns(back.draft, again)).toEqual([]);
    expect(slugOfDraft(back.draft)).toBe("linen-tee");
  });

  it("names the columns in which a row differs from the product it would replace", () => {
    const current = rowToDraft(exportRow(product, reference), 0, reference).draft;
    const changed = rowToDraft(
      { ...exportRow(product, reference), price: "19.00", description: "New" },
      0,
      reference,
    );
    expect(differingColumns(changed.draft, current)).toEqual(["description", "price"]);
  });
});
