// Which kind of page a path is, for the web-vitals label: a fixed set, never the path itself (a
// product's slug or an order's id in a label would make a series per product or order).
export const VITALS_PAGES = [
  "home",
  "category",
  "product",
  "search",
  "cart",
  "checkout",
  "account",
  "other",
] as const;
export type VitalsPage = (typeof VITALS_PAGES)[number];

const BY_FIRST_SEGMENT = new Map<string, VitalsPage>([
  ["c", "category"],
  ["p", "product"],
  ["search", "search"],
  ["cart", "cart"],
  ["checkout", "checkout"],
  ["account", "account"],
  ["orders", "account"],
]);

export function vitalsPageOf(pathname: string): VitalsPage {
  const first = pathname.split("/")[1] ?? "";
  if (first === "") return "home";
  return BY_FIRST_SEGMENT.get(first) ?? "other";
}
