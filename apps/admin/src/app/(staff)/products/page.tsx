import type { Metadata } from "next";
import Link from "next/link";
import type { AdminProductPage, ProductStatus } from "@emporium/catalog/client";
import { Badge, type BadgeTone } from "@emporium/ui/badge";
import { buttonStyles } from "@emporium/ui/button";
import { EmptyState } from "@emporium/ui/empty-state";
import { formatMoney } from "@emporium/ui/money";
import { Pagination } from "@emporium/ui/pagination";
import { requireStaff } from "@/auth/session";
import { isCatalogUnavailable } from "@/trpc/catalog-unavailable";
import { getProductPage } from "@/trpc/server";
import { AdminLink } from "../../admin-link";
import { CatalogUnavailableNotice } from "../../catalog-unavailable-notice";
import { countOf } from "@/count";
import { DataTable } from "../../data-table";

export const metadata: Metadata = { title: "Products" };

const PAGE_SIZE = 25;
const STATUSES: { value: ProductStatus; label: string; tone: BadgeTone }[] = [
  { value: "PUBLISHED", label: "Published", tone: "success" },
  { value: "DRAFT", label: "Draft", tone: "warning" },
  { value: "ARCHIVED", label: "Archived", tone: "neutral" },
];

interface ProductsPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function one(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function priceRange(min: number, max: number, currency: string): string {
  return min === max
    ? formatMoney(min, currency)
    : `${formatMoney(min, currency)} – ${formatMoney(max, currency)}`;
}

/** The list (or its CSV export) with the given filters and page. */
function productsHref(path: "/products" | "/products/export", q?: string, status?: string, page = 1): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (status) params.set("status", status);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export default async function ProductsPage({ searchParams }: ProductsPageProps) {
  const staff = await requireStaff();
  const params = await searchParams;
  const q = one(params.q)?.slice(0, 200);
  const status = STATUSES.find((s) => s.value === one(params.status))?.value;
  const requested = Number(one(params.page) ?? "1");
  const page = Number.isInteger(requested) && requested >= 1 && requested <= 100_000 ? requested : 1;

  let result: AdminProductPage | null;
  try {
    result = await getProductPage(staff, { q, status, page, limit: PAGE_SIZE });
  } catch (error) {
    if (!isCatalogUnavailable(error)) throw error;
    result = null;
  }

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">Products</h1>
        {staff.can("catalog.products.write") && (
          <div className="flex gap-2">
            <Link href="/products/import" className={buttonStyles({ variant: "secondary" })}>
              Import CSV
            </Link>
            <Link href="/products/new" className={buttonStyles()}>
              New product
            </Link>
          </div>
        )}
      </div>
      <form role="search" action="/products" className="mt-6 flex flex-wrap items-end gap-3">
        <div className="flex min-w-64 flex-1 flex-col gap-1">
          <label htmlFor="product-search" className="text-sm font-medium">
            Search by title, slug or SKU
          </label>
          <input
            id="product-search"
            name="q"
            type="search"
            defaultValue={q}
            className="rounded-lg border border-line-strong bg-surface px-3 py-2 text-sm"
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="product-status" className="text-sm font-medium">
            Status
          </label>
          <select
            id="product-status"
            name="status"
            defaultValue={status ?? ""}
            className="rounded-lg border border-line-strong bg-surface px-3 py-2 text-sm"
          >
            <option value="">Any status</option>
            {STATUSES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonStyles({ variant: "secondary" })}>
          Filter
        </button>
        <a
          href={productsHref("/products/export", q, status)}
          download
          className={buttonStyles({ variant: "ghost" })}
          title="Download the products matching these filters as CSV, in the columns the import reads"
        >
          Export CSV
        </a>
        <a
          href={`${productsHref("/products/export", q, status)}${q || status ? "&" : "?"}report=summary`}
          download
          className={buttonStyles({ variant: "ghost" })}
          title="Download a summary of these products (price range, variants, stock) as CSV; it is not for importing"
        >
          Summary report
        </a>
      </form>
      {result === null ? (
        <div className="mt-6">
          <CatalogUnavailableNotice />
        </div>
      ) : result.items.length === 0 ? (
        <EmptyState
          className="mt-6"
          title={q || status ? "No products match" : "No products yet"}
          action={
            (q || status) && (
              <Link href="/products" className={buttonStyles({ variant: "secondary" })}>
                Clear the filters
              </Link>
            )
          }
        >
          {q ? `Nothing matches “${q}”${status ? " with that status" : ""}.` : null}
        </EmptyState>
      ) : (
        <>
          <DataTable
            columns={[
              { title: "Image", hidden: true },
              { title: "Product" },
              { title: "Status" },
              { title: "Price", numeric: true },
              { title: "Variants", numeric: true },
              { title: "Available", numeric: true },
            ]}
            caption={`Products, recently changed first (${result.total} in total)`}
          >
            {result.items.map((item) => {
              const badge = STATUSES.find((s) => s.value === item.status);
              return (
                <tr key={item.id}>
                  <td className="w-16 px-4 py-2">
                    {item.image && (
                      <img
                        src={item.image.url}
                        alt=""
                        width={32}
                        height={40}
                        loading="lazy"
                        decoding="async"
                        className="h-10 w-8 max-w-none rounded object-cover"
                      />
                    )}
                  </td>
                  <th scope="row" className="px-4 py-2 font-medium">
                    <Link href={`/products/${item.id}`} className="text-brand-700 hover:underline">
                      {item.title}
                    </Link>
                    <span className="block font-mono text-xs font-normal text-ink-muted">{item.slug}</span>
                  </th>
                  <td className="px-4 py-2">
                    <Badge tone={badge?.tone ?? "neutral"}>{badge?.label ?? item.status}</Badge>
                  </td>
                  <td className="px-4 py-2 text-right whitespace-nowrap tabular-nums">
                    {priceRange(item.minPrice, item.maxPrice, item.currency)}
                  </td>
                  <td className="px-4 py-2 text-right tabular-nums">{item.variantCount}</td>
                  <td className="px-4 py-2 text-right tabular-nums">
                    {item.available === 0 ? <span className="text-sale">0</span> : item.available}
                  </td>
                </tr>
              );
            })}
          </DataTable>
          <Pagination
            className="mt-6"
            prevHref={result.page > 1 ? productsHref("/products", q, status, result.page - 1) : null}
            nextHref={
              result.page < result.pageCount ? productsHref("/products", q, status, result.page + 1) : null
            }
            status={`Page ${result.page} of ${result.pageCount} · ${countOf(result.total, "product")}`}
            LinkComponent={AdminLink}
          />
        </>
      )}
    </>
  );
}
