import { describe, expect, it } from "vitest";
import { imageIndexFor, selectionFor } from "./variant-selection";

const options = [
  {
    id: "colour",
    name: "Colour",
    values: [
      { id: "navy", value: "Navy" },
      { id: "sand", value: "Sand" },
    ],
  },
  {
    id: "size",
    name: "Size",
    values: [
      { id: "s", value: "S" },
      { id: "m", value: "M" },
    ],
  },
];
const variants = [
  {
    id: "navy-s",
    sku: "N-S",
    title: "Navy / S",
    price: 1,
    compareAtPrice: null,
    available: 0,
    optionValueIds: ["navy", "s"],
  },
  {
    id: "navy-m",
    sku: "N-M",
    title: "Navy / M",
    price: 1,
    compareAtPrice: null,
    available: 4,
    optionValueIds: ["navy", "m"],
  },
  {
    id: "sand-m",
    sku: "S-M",
    title: "Sand / M",
    price: 1,
    compareAtPrice: null,
    available: 9,
    optionValueIds: ["sand", "m"],
  },
];
const media = [
  { url: "/a", alt: "Navy", width: 1, height: 1, optionValueId: "navy" },
  { url: "/b", alt: "Detail", width: 1, height: 1, optionValueId: null },
  { url: "/c", alt: "Sand", width: 1, height: 1, optionValueId: "sand" },
];

describe("selectionFor", () => {
  it("selects the options of the variant named in the URL", () => {
    expect(selectionFor({ options, variants }, "sand-m")).toEqual({ colour: "sand", size: "m" });
  });

  it("starts from the first variant in stock when the URL names none or an unknown one", () => {
    expect(selectionFor({ options, variants }, null)).toEqual({ colour: "navy", size: "m" });
    expect(selectionFor({ options, variants }, "gone")).toEqual({ colour: "navy", size: "m" });
  });
});

describe("imageIndexFor", () => {
  it("finds the image of the chosen colour", () => {
    expect(imageIndexFor(media, { colour: "sand", size: "m" })).toBe(2);
    expect(imageIndexFor(media, { colour: "navy", size: "m" })).toBe(0);
    expect(imageIndexFor(media, { size: "m" })).toBeNull();
  });
});
