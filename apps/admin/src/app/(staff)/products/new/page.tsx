import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requireStaff } from "@/auth/session";
import { isCatalogUnavailable as isBackendUnavailable } from "@/trpc/catalog-unavailable";
import { inventoryAs } from "@/trpc/inventory";
import { getProductReference } from "@/trpc/server";
import type { GridLocation } from "../stock-grid-data";
import { NewProductForm } from "./new-product-form";

export const metadata: Metadata = { title: "New product" };

/** The stock grid's columns, for a role that may set stock; why there are none when it may but cannot. */
async function stockLocations(
  staff: Awaited<ReturnType<typeof requireStaff>>,
): Promise<{ locations: GridLocation[]; note: string | null }> {
  if (!staff.can("inventory.stock.adjust")) return { locations: [], note: null };
  try {
    const locations = await inventoryAs(staff).stock.locations.query();
    return {
      locations: locations.map((l) => ({ id: l.id, name: l.name })),
      note: locations.length === 0 ? "The shop has no stock locations yet." : null,
    };
  } catch (error) {
    if (!isBackendUnavailable(error)) throw error;
    return {
      locations: [],
      note: "The inventory is not answering right now; create the product and set its stock on its page.",
    };
  }
}

export default async function NewProductPage() {
  const staff = await requireStaff();
  // The catalog refuses anyone else too; this only spares them a form they cannot send.
  if (!staff.can("catalog.products.write")) redirect("/products");
  const [reference, stock] = await Promise.all([getProductReference(staff), stockLocations(staff)]);
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm text-ink-muted">
        <Link href="/products" className="hover:underline">
          Products
        </Link>{" "}
        / <span aria-current="page">New product</span>
      </nav>
      <h1 className="mt-4 text-2xl font-semibold tracking-tight">New product</h1>
      <NewProductForm
        reference={reference}
        canPublish={staff.can("catalog.products.publish")}
        locations={stock.locations}
        stockNote={stock.note}
      />
    </>
  );
}
