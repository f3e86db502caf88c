// A CSV to start an import from: every column the import knows, and two example products.
import { stringify } from "csv-stringify/sync";
import { IMPORT_COLUMNS } from "@emporium/catalog/client";
import { currentStaff } from "@/auth/session";

const EXAMPLES: Partial<Record<(typeof IMPORT_COLUMNS)[number], string>>[] = [
  {
    title: "Harbour Linen Overshirt",
    description: "A loose overshirt in washed linen.",
    status: "draft",
    price: "89.00",
    compare_at_price: "110.00",
    sku_prefix: "HARBOUR",
    option1_name: "Colour",
    option1_values: "Sea Green|Sand",
    option2_name: "Size",
    option2_values: "S|M|L",
  },
  { title: "Canvas Gift Card", price: "50", sku_prefix: "GIFT-50", status: "draft" },
];

export async function GET() {
  if (!(await currentStaff())) return new Response("Sign in to the admin first", { status: 401 });
  const body = stringify(
    [[...IMPORT_COLUMNS], ...EXAMPLES.map((e) => IMPORT_COLUMNS.map((c) => e[c] ?? ""))],
    {
      record_delimiter: "\r\n",
    },
  );
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="emporium-product-import.csv"',
      "cache-control": "private, no-store",
    },
  });
}
