// GET /products/export?q=&status= — the products as CSV, with the same filters as the page, in the
// import's own columns: the file can be edited and imported again, and imported unedited it changes
// nothing. ?report=summary gives the one-row-per-product report instead (price range, variant count,
// stock), which is for reading, not importing. Route handlers sit outside the staff layout, so this
// one checks the session and the permission itself.
import { IMPORT_COLUMNS } from "@emporium/catalog/client";
import { currentStaff } from "@/auth/session";
import { csvLines, productCsv, safeCell } from "@/products-csv";
import { catalogAs } from "@/trpc/server";

const STATUSES = ["PUBLISHED", "DRAFT", "ARCHIVED"] as const;
const PAGE = 100;

export async function GET(request: Request): Promise<Response> {
  const staff = await currentStaff();
  if (!staff) return new Response("Sign in to export products\n", { status: 401 });
  if (!staff.can("catalog.products.read"))
    return new Response("Your role cannot export products\n", { status: 403 });

  const params = new URL(request.url).searchParams;
  const q = params.get("q")?.slice(0, 200) || undefined;
  const status = STATUSES.find((v) => v === params.get("status"));
  const summary = params.get("report") === "summary";
  const api = catalogAs(staff);
  const encoder = new TextEncoder();
  // Streamed a page at a time, so a large catalog never sits in memory whole.
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        for (let page = 1, pageCount = 1; page <= pageCount; page++) {
          const query = { q, status, page, limit: PAGE };
          if (summary) {
            const result = await api.products.list.query(query);
            pageCount = result.pageCount;
            controller.enqueue(encoder.encode(productCsv(result.items, page === 1)));
          } else {
            const result = await api.products.export.query(query);
            pageCount = result.pageCount;
            const rows = result.rows.map((row) => IMPORT_COLUMNS.map((c) => safeCell(row[c])));
            controller.enqueue(encoder.encode(csvLines(page === 1 ? [[...IMPORT_COLUMNS], ...rows] : rows)));
          }
        }
        controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="emporium-products${summary ? "-summary" : ""}-${stamp}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
