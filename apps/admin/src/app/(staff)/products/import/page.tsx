import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { IMPORT_COLUMNS, LIST_SEPARATOR, MAX_IMPORT_ROWS, REQUIRED_COLUMNS } from "@emporium/catalog/client";
import { requireStaff } from "@/auth/session";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import products" };

export default async function ImportPage() {
  const staff = await requireStaff();
  if (!staff.can("catalog.products.write")) redirect("/products");
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm text-ink-muted">
        <Link href="/products" className="hover:underline">
          Products
        </Link>{" "}
        / <span aria-current="page">Import</span>
      </nav>
      <h1 className="mt-4 text-2xl font-semibold tracking-tight">Import products</h1>
      <div className="mt-3 max-w-prose space-y-2 text-sm text-ink-muted">
        <p>
          One row per product, up to {MAX_IMPORT_ROWS} per file. The file is checked first and every problem
          is listed by line; it is imported only when nothing is wrong, all at once.{" "}
          <a href="/products/import/template" download className="font-medium text-ink underline">
            Download a template
          </a>
          .
        </p>
        <p>
          Columns: {IMPORT_COLUMNS.join(", ")} ({REQUIRED_COLUMNS.join(", ")} required). Brands and attributes
          by name (&ldquo;Material: Linen&rdquo;), categories by path (&ldquo;clothing/tops&rdquo;), several
          values separated by &ldquo;{LIST_SEPARATOR}&rdquo;, prices as written (24.90).
        </p>
      </div>
      <ImportForm />
    </>
  );
}
