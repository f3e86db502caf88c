import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCClientError } from "@trpc/client";
import { Alert } from "@emporium/ui/alert";
import { Badge } from "@emporium/ui/badge";
import { formatMoney } from "@emporium/ui/money";
import { requireStaff } from "@/auth/session";
import { getProduct, getProductReference } from "@/trpc/server";
import { DetailsForm } from "./details-form";
import { MediaPanel } from "./media-panel";
import { PriceForm } from "./price-form";
import { StatusForm } from "./status-form";
import { StockPanel } from "./stock-panel";
import { VariantForm } from "./variant-form";
import { DataTable } from "../../../data-table";

export const metadata: Metadata = { title: "Product" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function ProductPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await requireStaff();
  const { id } = await params;
  const query = await searchParams;
  const justCreated = query.created === "1";
  const stockUnsaved = query.stock === "unsaved";
  const imagesFailed = Number(typeof query.imagesFailed === "string" ? query.imagesFailed : 0) || 0;
  if (!UUID.test(id)) notFound();
  let product;
  try {
    product = await getProduct(staff, id);
  } catch (error) {
    if (error instanceof TRPCClientError && error.data?.code === "NOT_FOUND") notFound();
    throw error;
  }
  const canPrice = staff.can("catalog.prices.write");
  const canPublish = staff.can("catalog.products.publish");
  const canEdit = staff.can("catalog.products.write");
  const reference = canEdit ? await getProductReference(staff) : null;
  const published = product.status === "PUBLISHED";
  const image = product.images[0];
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm text-ink-muted">
        <Link href="/products" className="hover:underline">
          Products
        </Link>{" "}
        / <span aria-current="page">{product.title}</span>
      </nav>
      {justCreated && (
        <Alert
          tone={stockUnsaved || imagesFailed > 0 ? "warning" : "success"}
          live="polite"
          className="mt-4"
          title={stockUnsaved ? "Product created, but its stock is not saved yet" : "Product created"}
        >
          {stockUnsaved
            ? "The product, its variants and prices are saved; the stock is not. See Stock below to finish it."
            : "Its variants, prices and the stock you entered are saved; change stock below at any time."}
          {imagesFailed > 0 &&
            ` ${imagesFailed === 1 ? "One image was" : `${imagesFailed} images were`} not uploaded: add ${imagesFailed === 1 ? "it" : "them"} again under Media.`}
        </Alert>
      )}
      <div className="mt-4 flex flex-wrap items-start gap-6">
        {image && (
          <img
            src={image.url}
            alt={image.alt}
            width={120}
            height={150}
            className="h-36 w-28 rounded-xl object-cover"
          />
        )}
        <div className="min-w-64 flex-1">
          <h1 className="text-2xl font-semibold tracking-tight">{product.title}</h1>
          <p className="mt-1 font-mono text-xs text-ink-muted">{product.slug}</p>
          <p className="mt-2 flex items-center gap-2 text-sm">
            <Badge tone={published ? "success" : "warning"}>{product.status.toLowerCase()}</Badge>
            {product.brand && <span className="text-ink-muted">{product.brand}</span>}
          </p>
          <p className="mt-3 max-w-prose text-sm text-ink-muted">{product.description}</p>
        </div>
        {canPublish && <StatusForm productId={product.id} published={published} />}
      </div>

      <section aria-labelledby="variants-heading" className="mt-10">
        <h2 id="variants-heading" className="text-lg font-semibold">
          Variants and prices
        </h2>
        {!canPrice && (
          <p className="mt-1 text-sm text-ink-muted">
            Your role can view prices; managers and owners change them.
          </p>
        )}
        <DataTable
          columns={[
            { title: "Variant" },
            { title: "SKU" },
            { title: "Available", numeric: true },
            { title: "Price", numeric: true },
          ]}
          className="mt-4"
        >
          {product.variants.map((v) => (
            <tr key={v.id}>
              <th scope="row" className="px-4 py-2 font-medium">
                {v.title}
              </th>
              <td className="px-4 py-2 font-mono text-xs">{v.sku}</td>
              <td className="px-4 py-2 text-right tabular-nums">{v.available}</td>
              <td className="px-4 py-2 text-right">
                {canPrice ? (
                  <PriceForm
                    productId={product.id}
                    variantId={v.id}
                    variantTitle={v.title}
                    currency={product.currency}
                    price={v.price}
                    compareAtPrice={v.compareAtPrice}
                  />
                ) : (
                  <span className="tabular-nums" data-testid={`price-${v.sku}`}>
                    {formatMoney(v.price, product.currency)}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
        {canEdit && product.options.length > 0 && (
          <VariantForm productId={product.id} currency={product.currency} options={product.options} />
        )}
      </section>

      <MediaPanel productId={product.id} staff={staff} />

      <StockPanel staff={staff} productId={product.id} variants={product.variants} />

      {reference && (
        <section aria-labelledby="details-heading" className="mt-10">
          <details className="group">
            <summary className="cursor-pointer text-lg font-semibold" id="details-heading">
              Edit details
            </summary>
            <DetailsForm
              productId={product.id}
              reference={reference}
              details={{
                title: product.title,
                description: product.description,
                brandId: product.brandId,
                categoryIds: product.categoryIds,
                attributeValueIds: product.attributeValueIds,
              }}
            />
          </details>
        </section>
      )}
    </>
  );
}
