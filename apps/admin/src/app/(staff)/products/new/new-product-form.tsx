"use client";
// A new product in one page and one submit: details, the price, up to three options whose values
// multiply into the variant rows (Colour: Navy, Sand × Size: S, M → four rows), each row's own SKU and
// price if it differs, the stock of every row at every location in one grid, and images. The catalog
// makes the product, its variants and prices; the inventory then takes every stock count in one call;
// the images go to storage as on the product's page. Stock the inventory refused after the product
// was made is kept and filled in on the product's page, where one Save finishes it.
import { useRouter } from "next/navigation";
import {
  startTransition,
  useActionState,
  useEffect,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
} from "react";
import { Alert } from "@emporium/ui/alert";
import { Button } from "@emporium/ui/button";
import { Checkbox } from "@emporium/ui/checkbox";
import { TextField } from "@emporium/ui/text-field";
import type { ProductReference } from "@/trpc/server";
import { ACCEPTED, MAX_BYTES, imageProblem, megabytes, uploadProductImage } from "../[id]/media-upload";
import { createProduct, type NewProductState } from "../product-actions";
import { ProductDetailsFields, fieldErrors } from "../product-fields";
import {
  OPTION_SLOTS,
  rowPriceName,
  rowSkuName,
  splitValues,
  variantCombinations,
  variantTitle,
} from "../product-form-data";
import { keepStockDraft } from "../stock-draft";
import { StockGrid } from "../stock-grid";
import type { GridLocation } from "../stock-grid-data";

const INITIAL: NewProductState = { status: "idle", message: null };
const OPTION_HINTS = [
  { name: "Colour", values: "Navy, Sand, Rust" },
  { name: "Size", values: "S, M, L, XL" },
  { name: "Fit", values: "Regular, Relaxed" },
];
const MAX_ROWS = 100;

/** The SKU the catalog will make for a row left empty (a hint; the catalog's own rule decides). */
function skuHint(prefix: string, values: readonly string[]): string {
  const token = (text: string) =>
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
  return [token(prefix) || "PREFIX", ...values.map(token)].join("-");
}

interface ImageSlot {
  id: number;
}
interface PendingImage {
  file: File;
  alt: string;
}

/** One part of the form: its heading, a line on what it is for, and its fields. */
function Section({
  id,
  title,
  intro,
  live,
  children,
}: {
  id: string;
  title: string;
  intro: ReactNode;
  /** Announce changes of the line (it counts what the options make). */
  live?: boolean;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="grid gap-4">
      <div>
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        <p className="text-sm text-ink-muted" aria-live={live ? "polite" : undefined}>
          {intro}
        </p>
      </div>
      {children}
    </section>
  );
}

export function NewProductForm({
  reference,
  canPublish,
  locations,
  stockNote,
}: {
  reference: ProductReference;
  canPublish: boolean;
  /** The stock grid's columns; empty for a role that may not set stock. */
  locations: GridLocation[];
  /** Why there is no stock grid, when there is none for a role that may set stock. */
  stockNote: string | null;
}) {
  const router = useRouter();
  const [state, action, pending] = useActionState(createProduct, INITIAL);
  const [options, setOptions] = useState(() =>
    Array.from({ length: OPTION_SLOTS }, () => ({ name: "", values: "" })),
  );
  const [prefix, setPrefix] = useState("");
  const [price, setPrice] = useState("");
  const [stock, setStock] = useState<Record<string, string>>({});
  const [slots, setSlots] = useState<ImageSlot[]>([{ id: 0 }]);
  const [imageError, setImageError] = useState<{ slot: number; message: string } | null>(null);
  const [finishing, setFinishing] = useState<string | null>(null);
  const images = useRef<PendingImage[]>([]);
  // One key for this product's stock until it is saved: a retried submit is not applied twice.
  const stockKey = useRef<string | null>(null);
  const finished = useRef(false);

  const setOption = (slot: number, part: "name" | "values", text: string) =>
    setOptions((now) => now.map((o, j) => (j === slot ? { ...o, [part]: text } : o)));

  const chosen = options
    .map((o) => ({ name: o.name.trim(), values: splitValues(o.values) }))
    .filter((o) => o.values.length > 0);
  const combinations = variantCombinations(chosen);
  const rows = combinations.length <= MAX_ROWS ? combinations : [];
  const gridRows = rows.map((values, i) => ({ key: String(i), title: variantTitle(values) }));

  // Once the product exists: its images, then its page (with the stock kept if it was not saved).
  useEffect(() => {
    const done = state.created;
    if (!done || finished.current) return;
    finished.current = true;
    void (async () => {
      let failed = 0;
      for (const [n, image] of images.current.entries()) {
        const of = `image ${n + 1} of ${images.current.length}`;
        const uploaded = await uploadProductImage(done.productId, image.file, image.alt, (step, percent) =>
          setFinishing(step === "uploading" ? `Uploading ${of}… ${percent ?? 0}%` : `Uploading ${of}…`),
        );
        if (!uploaded.ok) failed++;
      }
      if (done.stockProblem)
        keepStockDraft(done.productId, { values: done.stockDraft, message: done.stockProblem });
      const params = new URLSearchParams({ created: "1" });
      if (done.stockProblem) params.set("stock", "unsaved");
      if (failed > 0) params.set("imagesFailed", String(failed));
      router.push(`/products/${done.productId}?${params.toString()}`);
    })();
  }, [state, router]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = event.nativeEvent instanceof SubmitEvent ? event.nativeEvent.submitter : null;
    const data = new FormData(event.currentTarget, submitter);
    // Images go straight to storage once the product exists, not through the create call.
    const picked: PendingImage[] = [];
    setImageError(null);
    for (const slot of slots) {
      const file = data.get(`image${slot.id}File`);
      const alt = String(data.get(`image${slot.id}Alt`) ?? "").trim();
      data.delete(`image${slot.id}File`);
      data.delete(`image${slot.id}Alt`);
      const hasFile = file instanceof File && file.size > 0;
      if (!hasFile && alt === "") continue;
      const problem = imageProblem(file, alt);
      if (problem || !(file instanceof File)) {
        setImageError({ slot: slot.id, message: problem ?? "Choose an image file to upload" });
        return;
      }
      picked.push({ file, alt });
    }
    images.current = picked;
    stockKey.current ??= crypto.randomUUID();
    data.set("idempotencyKey", stockKey.current);
    startTransition(() => action(data));
  }

  const errors = fieldErrors(state);
  const gridError =
    state.status === "error" && state.cell ? { cell: state.cell, message: state.message ?? "" } : null;
  const busy = pending || finishing !== null || Boolean(state.created);
  const problem = imageError?.message ?? (state.status === "error" ? state.message : null);
  return (
    <form onSubmit={submit} aria-label="New product" className="mt-6 grid max-w-5xl gap-8" noValidate>
      <input type="hidden" name="currency" value="USD" />
      {problem && (
        <Alert tone="error" live="assertive" title="The product was not created">
          {problem}
        </Alert>
      )}
      <ProductDetailsFields reference={reference} errors={errors} />
      <section aria-labelledby="identity-heading" className="grid gap-5">
        <h2 id="identity-heading" className="text-lg font-semibold">
          Address and SKUs
        </h2>
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            label="Slug"
            name="slug"
            optional
            hint="The product's address in the storefront; made from the title when left empty"
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
            error={errors.errorFor("slug")}
          />
          <TextField
            label="SKU prefix"
            name="skuPrefix"
            required
            hint="Variant SKUs are the prefix and their values: TEE-NAVY-M"
            autoCapitalize="characters"
            value={prefix}
            onChange={(e) => setPrefix(e.currentTarget.value)}
            error={errors.errorFor("skuPrefix")}
          />
        </div>
      </section>
      <section aria-labelledby="price-heading" className="grid gap-5">
        <h2 id="price-heading" className="text-lg font-semibold">
          Price
        </h2>
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            label="Price (USD)"
            name="price"
            inputMode="decimal"
            required
            hint="Every variant starts at this price; give a variant its own below"
            value={price}
            onChange={(e) => setPrice(e.currentTarget.value)}
            error={errors.errorFor("price")}
          />
          <TextField
            label="Compare-at price (USD)"
            name="compareAtPrice"
            inputMode="decimal"
            optional
            hint="Shown struck through as the old price"
            error={errors.errorFor("compareAtPrice")}
          />
        </div>
      </section>
      <Section
        id="options-heading"
        title="Options"
        intro={
          <>
            Each combination of values becomes a variant (at most 100). Leave them empty for a product with
            one variant.
          </>
        }
      >
        {options.map((option, i) => (
          <div key={i} className="grid gap-4 sm:grid-cols-[1fr_2fr]">
            <TextField
              label={`Option ${i + 1} name`}
              name={`option${i}Name`}
              optional
              placeholder={OPTION_HINTS[i]?.name}
              value={option.name}
              onChange={(e) => setOption(i, "name", e.currentTarget.value)}
              error={errors.errorFor(`option${i}Name`)}
            />
            <TextField
              label={`Option ${i + 1} values`}
              name={`option${i}Values`}
              optional
              hint="Separated by commas"
              placeholder={OPTION_HINTS[i]?.values}
              value={option.values}
              onChange={(e) => setOption(i, "values", e.currentTarget.value)}
              error={errors.errorFor(`option${i}Values`)}
            />
          </div>
        ))}
      </Section>
      <Section
        id="variants-heading"
        title="Variants"
        live
        intro={
          combinations.length > MAX_ROWS
            ? `These options make ${combinations.length} variants; at most ${MAX_ROWS} are allowed.`
            : `${rows.length} ${rows.length === 1 ? "variant" : "variants"}. Leave a SKU or price empty to use the one shown.`
        }
      >
        <div className="overflow-x-auto rounded-2xl border border-line bg-surface">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Variants, their SKUs and prices</caption>
            <thead className="border-b border-line bg-canvas-muted text-xs tracking-wide text-ink-muted uppercase">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">
                  Variant
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  SKU
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  Price (USD)
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {rows.map((values, i) => {
                const title = variantTitle(values);
                const skuError = errors.errorFor(rowSkuName(i));
                const priceError = errors.errorFor(rowPriceName(i));
                return (
                  <tr key={`${i}:${title}`}>
                    <th scope="row" className="px-4 py-2 font-medium">
                      {title}
                    </th>
                    <td className="px-4 py-2">
                      <input
                        name={rowSkuName(i)}
                        aria-label={`SKU of ${title}`}
                        aria-invalid={skuError ? true : undefined}
                        placeholder={skuHint(prefix, values)}
                        autoCapitalize="characters"
                        maxLength={64}
                        className={`h-10 w-full min-w-48 rounded-lg border bg-surface px-2 font-mono text-xs ${skuError ? "border-sale" : "border-line-strong"}`}
                      />
                    </td>
                    <td className="px-4 py-2">
                      <input
                        name={rowPriceName(i)}
                        aria-label={`Price of ${title} (USD)`}
                        aria-invalid={priceError ? true : undefined}
                        inputMode="decimal"
                        placeholder={price || "Product price"}
                        className={`h-10 w-28 rounded-lg border bg-surface px-2 text-right tabular-nums ${priceError ? "border-sale" : "border-line-strong"}`}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Section>
      <Section
        id="stock-heading"
        title="Stock"
        intro={
          locations.length > 0
            ? "Units on hand of each variant at each location; empty is none. Saved with the product."
            : (stockNote ?? "Your role can view stock; managers and owners set it.")
        }
      >
        {locations.length > 0 && (
          <StockGrid
            caption="Stock of each variant at each location"
            rows={gridRows}
            locations={locations}
            values={stock}
            onChange={(name, value) => setStock((now) => ({ ...now, [name]: value }))}
            error={gridError}
          />
        )}
      </Section>
      <Section
        id="images-heading"
        title="Images"
        intro={
          <>
            JPEG, PNG, WebP or AVIF, up to {megabytes(MAX_BYTES)}, at least 200 pixels on each side; the first
            is the one shoppers see. Uploaded once the product is created.
          </>
        }
      >
        {slots.map((slot, n) => (
          <div key={slot.id} className="grid gap-4 sm:grid-cols-2">
            <div className="flex flex-col gap-1 text-sm">
              <label htmlFor={`image${slot.id}File`} className="font-medium">
                Image {n + 1} file
              </label>
              <input
                id={`image${slot.id}File`}
                name={`image${slot.id}File`}
                type="file"
                accept={ACCEPTED.join(",")}
                aria-invalid={imageError?.slot === slot.id ? true : undefined}
                className="text-sm"
              />
            </div>
            <TextField
              label={`Image ${n + 1} alt text`}
              name={`image${slot.id}Alt`}
              maxLength={300}
              hint="What the image shows, for shoppers who cannot see it"
              error={imageError?.slot === slot.id ? imageError.message : null}
            />
          </div>
        ))}
        <div>
          <Button
            type="button"
            variant="secondary"
            onClick={() => setSlots((now) => [...now, { id: (now.at(-1)?.id ?? 0) + 1 }])}
          >
            Add another image
          </Button>
        </div>
      </Section>
      {canPublish && <Checkbox name="publish" label="Publish now (otherwise it is saved as a draft)" />}
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={busy}>
          {pending ? "Creating…" : finishing ? "Finishing…" : "Create product"}
        </Button>
        <p role="status" className="text-sm text-ink-muted">
          {finishing ?? (state.created ? state.message : null)}
        </p>
      </div>
    </form>
  );
}
