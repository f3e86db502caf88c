"use client";
// One more variant for a product: a value for each of its options (an existing one or a new one, which
// joins the option), its SKU and price. Its stock starts at zero at every location.
import { useActionState, useEffect, useRef } from "react";
import { Alert } from "@emporium/ui/alert";
import { Button } from "@emporium/ui/button";
import { TextField } from "@emporium/ui/text-field";
import { keepValuesOnRefusal } from "@emporium/ui/form-action";
import { addVariant, type ProductFormState } from "../product-actions";
import { fieldErrors } from "../product-fields";

const INITIAL: ProductFormState = { status: "idle", message: null };

export function VariantForm({
  productId,
  currency,
  options,
}: {
  productId: string;
  currency: string;
  options: { name: string; values: string[] }[];
}) {
  const [state, action, pending] = useActionState(addVariant, INITIAL);
  // An added variant clears the form for the next one.
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "saved") form.current?.reset();
  }, [state]);
  const errors = fieldErrors(state);
  return (
    <form
      ref={form}
      onSubmit={keepValuesOnRefusal(action)}
      aria-labelledby="add-variant-heading"
      className="mt-6 rounded-2xl border border-line bg-surface p-5"
    >
      <h3 id="add-variant-heading" className="font-semibold">
        Add a variant
      </h3>
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="currency" value={currency} />
      <div className="mt-4 grid gap-4 sm:grid-cols-3">
        {options.map((o, i) => (
          <div key={o.name}>
            <TextField
              label={o.name}
              name="values"
              required
              list={`option-values-${i}`}
              hint={`One of ${o.values.slice(0, 4).join(", ")}${o.values.length > 4 ? "…" : ""}, or a new value`}
              error={i === 0 ? errors.errorFor("values") : null}
            />
            <datalist id={`option-values-${i}`}>
              {o.values.map((v) => (
                <option key={v} value={v} />
              ))}
            </datalist>
          </div>
        ))}
        <TextField
          label="SKU"
          name="sku"
          required
          autoCapitalize="characters"
          error={errors.errorFor("sku")}
        />
        <TextField
          label={`Price (${currency})`}
          name="price"
          inputMode="decimal"
          required
          error={errors.errorFor("price")}
        />
        <TextField
          label={`Compare-at price (${currency})`}
          name="compareAtPrice"
          inputMode="decimal"
          optional
          error={errors.errorFor("compareAtPrice")}
        />
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Adding…" : "Add variant"}
        </Button>
        {state.status === "saved" && (
          <p role="status" className="text-sm text-success">
            {state.message}
          </p>
        )}
      </div>
      {state.status === "error" && (
        <Alert tone="error" live="assertive" className="mt-4">
          {state.message}
        </Alert>
      )}
    </form>
  );
}
