import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { TRPCClientError } from "@trpc/client";
import type { ProductPage } from "@emporium/catalog/client";
import { Badge } from "@emporium/ui/badge";
import { formatMoney } from "@emporium/ui/money";
import { Pagination } from "@emporium/ui/pagination";
import { isCatalogUnavailable } from "@/trpc/catalog-unavailable";
import { getProductPage } from "@/trpc/server";
import { AdminLink } from "../admin-link";
import { CatalogUnavailableNotice } from "../catalog-unavailable-notice";

export const metadata: Metadata = { title: "Products" };

interface ProductsPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

async function loadPage(cursor: string | null): Promise<ProductPage | null> {
  try {
    return await getProductPage(cursor);
  } catch (error) {
    if (isCatalogUnavailable(error)) return null;
    // A stale or mangled page link: start again from the first page.
    if (cursor && error instanceof TRPCClientError) redirect("/products");
    throw error;
  }
}

function priceRange(min: number, max: number, currency: string): string {
  return min === max
    ? formatMoney(min, currency)
    : `${formatMoney(min, currency)} – ${formatMoney(max, currency)}`;
}

export default async function ProductsPage({ searchParams }: ProductsPageProps) {
  const params = await searchParams;
  const after = typeof params.after === "string" ? params.after : null;
  const before = typeof params.before === "string" ? params.before : null;
  const page = await loadPage(after ?? before);
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Products</h1>
      <p className="mt-1 text-sm text-ink-muted">Newest first. Editing arrives with catalog management.</p>
      {page === null ? (
        <div className="mt-6">
          <CatalogUnavailableNotice />
        </div>
      ) : (
        <>
          <div className="mt-6 overflow-x-auto rounded-2xl border border-line bg-surface">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Products, newest first ({page.total} in total)</caption>
              <thead className="border-b border-line bg-canvas-muted text-xs tracking-wide text-ink-muted uppercase">
                <tr>
                  <th scope="col" className="px-4 py-3 font-medium">
                    <span className="sr-only">Image</span>
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Product
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Brand
                  </th>
                  <th scope="col" className="px-4 py-3 text-right font-medium">
                    Price
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Stock
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Added
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {page.items.map((item) => (
                  <tr key={item.id}>
                    <td className="px-4 py-2">
                      {item.image && (
                        <img
                          src={item.image.url}
                          alt=""
                          width={32}
                          height={40}
                          loading="lazy"
                          decoding="async"
                          className="h-10 w-8 rounded object-cover"
                        />
                      )}
                    </td>
                    <th scope="row" className="px-4 py-2 font-medium">
                      {item.title}
                      <span className="block font-mono text-xs font-normal text-ink-muted">{item.slug}</span>
                    </th>
                    <td className="px-4 py-2 text-ink-muted">{item.brand?.name ?? "—"}</td>
                    <td className="px-4 py-2 text-right whitespace-nowrap tabular-nums">
                      {priceRange(item.minPrice, item.maxPrice, item.currency)}
                    </td>
                    <td className="px-4 py-2">
                      {item.inStock ? (
                        <Badge tone="success">In stock</Badge>
                      ) : (
                        <Badge tone="sale">Sold out</Badge>
                      )}
                    </td>
                    <td className="px-4 py-2 whitespace-nowrap text-ink-muted">
                      {new Date(item.createdAt).toLocaleDateString("en-US", {
                        dateStyle: "medium",
                        timeZone: "UTC",
                      })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            className="mt-6"
            prevHref={page.prevCursor ? `/products?before=${encodeURIComponent(page.prevCursor)}` : null}
            nextHref={page.nextCursor ? `/products?after=${encodeURIComponent(page.nextCursor)}` : null}
            status={`${page.total.toLocaleString("en-US")} products`}
            LinkComponent={AdminLink}
          />
        </>
      )}
    </>
  );
}
