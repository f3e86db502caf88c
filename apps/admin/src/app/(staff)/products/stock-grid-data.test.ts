import { describe, expect, it } from "vitest";
import { cellName, levelsFor, readGridCells, refusedCell } from "./stock-grid-data";

const rows = [
  { key: "v1", title: "S / Red" },
  { key: "v2", title: "M / Red" },
];
const locations = [
  { id: "l1", name: "Warehouse A" },
  { id: "l2", name: "Shop B" },
];

function form(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.set(k, v);
  return data;
}

describe("the stock grid", () => {
  it("reads the counts given and leaves empty cells out", () => {
    const read = readGridCells(
      form({ [cellName("v1", "l1")]: " 4 ", [cellName("v2", "l2")]: "0" }),
      rows,
      locations,
    );
    expect(read).toEqual({
      ok: true,
      cells: [
        { rowKey: "v1", locationId: "l1", onHand: 4 },
        { rowKey: "v2", locationId: "l2", onHand: 0 },
      ],
    });
    expect(
      levelsFor(read.ok ? read.cells : [], (key) => ({ variantId: `id-${key}`, sku: key.toUpperCase() })),
    ).toEqual([
      { variantId: "id-v1", sku: "V1", locations: [{ locationId: "l1", onHand: 4 }] },
      { variantId: "id-v2", sku: "V2", locations: [{ locationId: "l2", onHand: 0 }] },
    ]);
  });

  it("refuses a cell that is not a count by its variant and location", () => {
    expect(readGridCells(form({ [cellName("v2", "l1")]: "-3" }), rows, locations)).toEqual({
      ok: false,
      cell: "stock:v2:l1",
      message: "Stock of M / Red at Warehouse A: enter a whole number of units from 0 to 1,000,000",
    });
    expect(readGridCells(form({ [cellName("v1", "l2")]: "2.5" }), rows, locations)).toMatchObject({
      ok: false,
    });
  });

  it("turns the inventory's refusal of one cell into that cell, named as the grid names it", () => {
    const sent = [
      { variantId: "id-v1", sku: "TEE-S-RED", locations: [{ locationId: "l1", onHand: 1 }] },
      {
        variantId: "id-v2",
        sku: "TEE-M-RED",
        locations: [
          { locationId: "l1", onHand: 2 },
          { locationId: "l2", onHand: 1 },
        ],
      },
    ];
    const rowOf = (id: string) => rows.find((r) => `id-${r.key}` === id);
    expect(
      refusedCell(
        "variants.1.locations.1.onHand",
        "variants.1.locations.1.onHand: TEE-M-RED at Shop B: cannot be below the 3 units reserved for orders",
        sent,
        rowOf,
        locations,
      ),
    ).toEqual({
      cell: "stock:v2:l2",
      message: "Stock of M / Red at Shop B: cannot be below the 3 units reserved for orders",
    });
    expect(refusedCell("idempotencyKey", "idempotencyKey: used", sent, rowOf, locations)).toBeNull();
  });
});
