"use client";
// Editing a product's details in place: the same fields as the new-product form, saved through the
// catalog (which keeps the slug, so links to the product keep working).
import { useActionState } from "react";
import { Alert } from "@emporium/ui/alert";
import { Button } from "@emporium/ui/button";
import { keepValuesOnRefusal } from "@emporium/ui/form-action";
import type { ProductReference } from "@/trpc/server";
import { updateProduct, type ProductFormState } from "../product-actions";
import { ProductDetailsFields, fieldErrors } from "../product-fields";
import type { DetailsInput } from "../product-form-data";

const INITIAL: ProductFormState = { status: "idle", message: null };

export function DetailsForm({
  productId,
  reference,
  details,
}: {
  productId: string;
  reference: ProductReference;
  details: DetailsInput;
}) {
  const [state, action, pending] = useActionState(updateProduct, INITIAL);
  return (
    <form
      onSubmit={keepValuesOnRefusal(action)}
      aria-label="Product details"
      className="mt-4 grid max-w-3xl gap-5"
      noValidate
    >
      <input type="hidden" name="productId" value={productId} />
      <ProductDetailsFields reference={reference} defaults={details} errors={fieldErrors(state)} />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save details"}
        </Button>
        {state.status === "saved" && (
          <p role="status" className="text-sm text-success">
            {state.message}
          </p>
        )}
      </div>
      {state.status === "error" && (
        <Alert tone="error" live="assertive">
          {state.message}
        </Alert>
      )}
    </form>
  );
}
