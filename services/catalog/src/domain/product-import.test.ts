import { describe, expect, it } from "vitest";
import type { AdminReference } from "./admin-types";
import { checkColumns, columnFor, parsePrice, rowToDraft } from "./product-import";

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
