import type { Metadata } from "next";
import Link from "next/link";
import type { CategoryNode } from "@emporium/catalog/client";
import { requireStaff, type Staff } from "@/auth/session";
import { catalogFigures } from "@/dashboard/figures";
import { loadLowStockList, type LowStockRow } from "@/dashboard/low-stock-list";
import { isCatalogUnavailable } from "@/trpc/catalog-unavailable";
import { getCategoryTree } from "@/trpc/server";
import { CatalogUnavailableNotice } from "../catalog-unavailable-notice";
import { getSales, type SalesPeriod } from "@/trpc/orders";
import { LiveRefresh } from "./orders/[id]/live-refresh";
import { LowStock } from "./low-stock";
import { SALES_PERIODS, SalesOverview } from "./sales-overview";
import { DataTable } from "../data-table";

export const metadata: Metadata = { title: "Dashboard" };

async function loadTree(): Promise<CategoryNode[] | null> {
  try {
    return await getCategoryTree();
  } catch (error) {
    if (isCatalogUnavailable(error)) return null;
    throw error;
  }
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-2xl border border-line bg-surface p-5">
      <dt className="text-sm text-ink-muted">{label}</dt>
      <dd className="mt-1 text-3xl font-semibold tabular-nums">{value.toLocaleString("en-US")}</dd>
    </div>
  );
}

/** null: the role may not read stock; rows null: the inventory (or catalog) cannot answer now. */
async function loadLowStock(staff: Staff): Promise<{ rows: LowStockRow[] | null; total: number } | null> {
  if (!staff.can("inventory.stock.read")) return null;
  try {
    return await loadLowStockList(staff, 10);
  } catch (error) {
    // The same test fits every backend: unreachable or answering 503.
    if (isCatalogUnavailable(error)) return { rows: null, total: 0 };
    throw error;
  }
}

/** null: the orders service cannot answer now (the rest of the dashboard still shows). */
async function loadSales(staff: Staff, days: SalesPeriod) {
  try {
    return await getSales(staff, days);
  } catch (error) {
    if (isCatalogUnavailable(error)) return null;
    throw error;
  }
}

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await requireStaff();
  const requested = Number((await searchParams).days);
  const days = SALES_PERIODS.find((d) => d === requested) ?? 30;
  const [tree, lowStock, sales] = await Promise.all([
    loadTree(),
    loadLowStock(staff),
    loadSales(staff, days),
  ]);
  return (
    <>
      <LiveRefresh intervalMs={15_000} />
      <h1 className="text-2xl font-semibold tracking-tight">Dashboard</h1>
      {sales ? (
        <SalesOverview summary={sales} />
      ) : (
        <p className="mt-6 text-sm text-warning">
          Sales figures are unavailable right now; the orders service is not answering.
        </p>
      )}
      {tree === null ? (
        <div className="mt-6">
          <CatalogUnavailableNotice />
        </div>
      ) : (
        <DashboardBody tree={tree} />
      )}
      {lowStock && <LowStock rows={lowStock.rows} total={lowStock.total} />}
    </>
  );
}

function DashboardBody({ tree }: { tree: CategoryNode[] }) {
  const figures = catalogFigures(tree);
  return (
    <>
      <dl className="mt-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Figure label="Published products" value={figures.products} />
        <Figure label="Departments" value={figures.departments} />
        <Figure label="Categories" value={figures.categories} />
        <Figure label="Leaf categories" value={figures.leafCategories} />
      </dl>
      {figures.emptyLeaves.length > 0 && (
        <p className="mt-4 text-sm text-warning">Empty categories: {figures.emptyLeaves.join(", ")}</p>
      )}
      <section aria-labelledby="departments-heading" className="mt-10">
        <div className="flex items-baseline justify-between">
          <h2 id="departments-heading" className="text-lg font-semibold">
            Products by category
          </h2>
          <Link href="/products" className="text-sm font-medium text-brand-700 hover:underline">
            Browse all products
          </Link>
        </div>
        <DataTable
          columns={[{ title: "Category" }, { title: "Path" }, { title: "Products", numeric: true }]}
          className="mt-4"
        >
          {tree
            .flatMap((department) => [department, ...department.children])
            .map((category) => (
              <tr key={category.id} className={category.depth === 0 ? "bg-canvas font-semibold" : undefined}>
                <th scope="row" className={`px-4 py-2.5 font-[inherit] ${category.depth > 0 ? "pl-10" : ""}`}>
                  {category.name}
                </th>
                <td className="px-4 py-2.5 font-mono text-xs text-ink-muted">{category.path}</td>
                <td className="px-4 py-2.5 text-right tabular-nums">
                  {category.productCount.toLocaleString("en-US")}
                </td>
              </tr>
            ))}
        </DataTable>
      </section>
    </>
  );
}
