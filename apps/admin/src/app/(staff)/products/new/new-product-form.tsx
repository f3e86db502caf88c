"use client";
// A new product: details, the starting price, and up to three options whose values multiply into the
// variants (Colour: Navy, Sand × Size: S, M → four variants). Prices per variant and stock are set on
// the product's page afterwards.
import { useActionState } from "react";
import { Alert } from "@emporium/ui/alert";
import { Button } from "@emporium/ui/button";
import { Checkbox } from "@emporium/ui/checkbox";
import { TextField } from "@emporium/ui/text-field";
import { keepValuesOnRefusal } from "@emporium/ui/form-action";
import type { ProductReference } from "@/trpc/server";
import { createProduct, type ProductFormState } from "../product-actions";
import { ProductDetailsFields, fieldErrors } from "../product-fields";
import { OPTION_SLOTS } from "../product-form-data";

const INITIAL: ProductFormState = { status: "idle", message: null };
const OPTION_HINTS = [
  { name: "Colour", values: "Navy, Sand, Rust" },
  { name: "Size", values: "S, M, L, XL" },
  { name: "Fit", values: "Regular, Relaxed" },
];

export function NewProductForm({
  reference,
  canPublish,
}: {
  reference: ProductReference;
  canPublish: boolean;
}) {
  const [state, action, pending] = useActionState(createProduct, INITIAL);
  const errors = fieldErrors(state);
  return (
    <form
      onSubmit={keepValuesOnRefusal(action)}
      aria-label="New product"
      className="mt-6 grid max-w-3xl gap-8"
      noValidate
    >
      <input type="hidden" name="currency" value="USD" />
      {state.status === "error" && (
        <Alert tone="error" live="assertive" title="The product was not created">
          {state.message}
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
            hint="Every variant starts at this price"
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
      <section aria-labelledby="options-heading" className="grid gap-4">
        <div>
          <h2 id="options-heading" className="text-lg font-semibold">
            Options
          </h2>
          <p className="text-sm text-ink-muted">
            Each combination of values becomes a variant (at most 100). Leave them empty for a product with
            one variant.
          </p>
        </div>
        {Array.from({ length: OPTION_SLOTS }, (_, i) => (
          <div key={i} className="grid gap-4 sm:grid-cols-[1fr_2fr]">
            <TextField
              label={`Option ${i + 1} name`}
              name={`option${i}Name`}
              optional
              placeholder={OPTION_HINTS[i]?.name}
              error={errors.errorFor(`option${i}Name`)}
            />
            <TextField
              label={`Option ${i + 1} values`}
              name={`option${i}Values`}
              optional
              hint="Separated by commas"
              placeholder={OPTION_HINTS[i]?.values}
              error={errors.errorFor(`option${i}Values`)}
            />
          </div>
        ))}
      </section>
      {canPublish && <Checkbox name="publish" label="Publish now (otherwise it is saved as a draft)" />}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create product"}
        </Button>
      </div>
    </form>
  );
}
