import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requireStaff } from "@/auth/session";
import { getProductReference } from "@/trpc/server";
import { NewProductForm } from "./new-product-form";

export const metadata: Metadata = { title: "New product" };

export default async function NewProductPage() {
  const staff = await requireStaff();
  // The catalog refuses anyone else too; this only spares them a form they cannot send.
  if (!staff.can("catalog.products.write")) redirect("/products");
  const reference = await getProductReference(staff);
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm text-ink-muted">
        <Link href="/products" className="hover:underline">
          Products
        </Link>{" "}
        / <span aria-current="page">New product</span>
      </nav>
      <h1 className="mt-4 text-2xl font-semibold tracking-tight">New product</h1>
      <NewProductForm reference={reference} canPublish={staff.can("catalog.products.publish")} />
    </>
  );
}
