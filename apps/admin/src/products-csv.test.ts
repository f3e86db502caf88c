import { describe, expect, it } from "vitest";
import type { AdminProductRow } from "@emporium/catalog/client";
import { productCsv, safeCell } from "./products-csv";

const row: AdminProductRow = {
  id: "3f1c1f3e-6c59-4c56-8f3c-2b1f0e1d2c3b",
  slug: "linen-shirt",
  title: 'Linen shirt, "relaxed"',
  status: "PUBLISHED",
  brand: '=HYPERLINK("http://evil")',
  minPrice: 4990,
  maxPrice: 5990,
  currency: "EUR",
  variantCount: 6,
  available: 14,
  image: null,
  updatedAt: "2026-11-25T10:00:00.000Z",
};

describe("product CSV", () => {
  it("writes a header and one quoted, escaped row per product with prices in major units", () => {
    const lines = productCsv([row], true).split("\r\n");
    expect(lines[0]).toBe(
      "id,slug,title,status,brand,currency,min_price,max_price,variants,available,updated_at",
    );
    expect(lines[1]).toBe(
      `${row.id},linen-shirt,"Linen shirt, ""relaxed""",PUBLISHED,"'=HYPERLINK(""http://evil"")",EUR,49.90,59.90,6,14,2026-11-25T10:00:00.000Z`,
    );
    expect(productCsv([row], false).split("\r\n")[0]).toBe(lines[1]);
  });

  it("defuses cells a spreadsheet would run as formulas", () => {
    for (const text of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
      expect(safeCell(text)).toBe(`'${text}`);
    expect(safeCell("Plain title")).toBe("Plain title");
  });
});
