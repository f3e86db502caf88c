import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, type PDFObject } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { addressLines, renderPackingSlip, type PackingSlip } from "./packing-slip";

const slip: PackingSlip = {
  orderNumber: "EMP-10042",
  date: new Date("2026-11-25T09:30:00Z"),
  shipTo: {
    name: "Ada Lovelace",
    line1: "12 St James's Square",
    line2: "Flat 3",
    city: "London",
    postalCode: "SW1Y 4JH",
    country: "GB",
  },
  carrier: "DHL Express",
  shippingMethod: "Express",
  lines: [
    { sku: "TEE-NAVY-M", title: "Organic cotton tee, navy, M", quantity: 2 },
    { sku: "MUG-STONE", title: "Stoneware mug", quantity: 1 },
  ],
};

/** The text a PDF shows, page by page, as drawn by pdf-lib with the standard fonts (hex strings). */
async function pagesText(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const contents = page.node.Contents();
    const parts: (PDFObject | undefined)[] =
      contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
    const ops = parts
      .map((s) =>
        s instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(s).decode()).toString("latin1") : "",
      )
      .join("\n");
    return [...ops.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)]
      .map((m) => Buffer.from(m[1] ?? "", "hex").toString("latin1"))
      .join("\n");
  });
}

describe("renderPackingSlip", () => {
  it("renders a one-page PDF with the order, the date, the address and the lines, without prices", async () => {
    const bytes = await renderPackingSlip(slip);
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toBe("Packing slip for order EMP-10042");
    const [text = ""] = await pagesText(bytes);
    for (const expected of [
      "EMP-10042",
      "25 November 2026",
      "Ada Lovelace",
      "12 St James's Square",
      "London\nSW1Y 4JH\nUNITED KINGDOM",
      "Express (DHL Express)",
      "TEE-NAVY-M",
      "Organic cotton tee, navy, M",
      "MUG-STONE",
    ])
      expect(text).toContain(expected);
    expect(text).not.toMatch(/[$€£]|price|total/i);
  });

  it("continues long orders on further pages and gives the same bytes for the same slip", async () => {
    const lines = Array.from({ length: 90 }, (_, i) => ({
      sku: `SKU-${i}`,
      title: `Item ${i} with a rather long name that needs more than one line to print in the item column`,
      quantity: 1 + (i % 3),
    }));
    const bytes = await renderPackingSlip({ ...slip, lines });
    const pages = await pagesText(bytes);
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.join("\n")).toContain("SKU-89");
    expect(pages[1]).toContain("EMP-10042 (continued)");
    expect(pages.at(-1)).toContain(`page ${pages.length} of ${pages.length}`);
    expect(Buffer.from(await renderPackingSlip({ ...slip, lines })).equals(Buffer.from(bytes))).toBe(true);
  });

  it("prints addresses and titles outside the standard fonts' alphabet instead of failing", async () => {
    const bytes = await renderPackingSlip({
      ...slip,
      shipTo: { ...slip.shipTo, name: "Łukasz Żółć", city: "Łódź", country: "PL", line2: "東京 ☃" },
      lines: [{ sku: "X-1", title: "Crème brûlée torch 🔥\twith\nnewline", quantity: 1 }],
    });
    const [text = ""] = await pagesText(bytes);
    expect(text).toContain("Lukasz Zólc");
    expect(text).toContain("Lódz");
    expect(text).toContain("POLAND");
    expect(text).toContain("?? ?");
    expect(text).toContain("Crème brûlée torch ? with newline");
  });

  it("lays out an address the way a carrier reads it", () => {
    expect(addressLines({ ...slip.shipTo, region: "Greater London", phone: "+44 20 7946 0000" })).toEqual([
      "Ada Lovelace",
      "12 St James's Square",
      "Flat 3",
      "London",
      "Greater London",
      "SW1Y 4JH",
      "UNITED KINGDOM",
      "Tel. +44 20 7946 0000",
    ]);
  });
});
