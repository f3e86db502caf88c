"use client";
// The stock forms for roles that may adjust stock: an adjustment (which level, a signed change, a
// required reason, a note) and a low-stock threshold. Answers — saved, or what is wrong with which
// field — are announced in place.
import { useActionState, useEffect, useRef } from "react";
import { Button } from "@emporium/ui/button";
import { SelectField, type SelectFieldOption } from "@emporium/ui/select-field";
import { TextField } from "@emporium/ui/text-field";
import { keepValuesOnRefusal } from "@emporium/ui/form-action";
import { adjustStock, setThreshold, type StockField, type StockFormState } from "./stock-actions";

const INITIAL: StockFormState = { status: "idle", message: null };

const REASONS: SelectFieldOption[] = [
  { value: "", label: "Choose a reason…" },
  { value: "received", label: "Received (adds units)" },
  { value: "returned", label: "Returned (adds units)" },
  { value: "damaged", label: "Damaged (removes units)" },
  { value: "lost", label: "Lost (removes units)" },
  { value: "recount", label: "Recount" },
  { value: "correction", label: "Correction" },
];

interface StockFormsProps {
  productId: string;
  /** "variantId:locationId" → "Variant — Location". */
  levels: SelectFieldOption[];
}

function errorFor(state: StockFormState, field: StockField): string | null {
  return state.status === "error" && state.field === field ? state.message : null;
}

function Outcome({ state }: { state: StockFormState }) {
  return (
    <p
      role="status"
      className={`text-sm ${state.status === "error" ? "font-medium text-sale" : "text-success"}`}
    >
      {/* Announced here; a field's error also shows under that field. */}
      {state.status === "error" ? `Not saved. ${state.message ?? ""}` : state.message}
    </p>
  );
}

export function StockForms({ productId, levels }: StockFormsProps) {
  const [adjusted, adjust, adjusting] = useActionState(adjustStock, INITIAL);
  // A saved adjustment clears its form, so a second click cannot repeat it by accident.
  const adjustForm = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (adjusted.status === "saved") adjustForm.current?.reset();
  }, [adjusted]);
  const [thresholded, saveThreshold, saving] = useActionState(setThreshold, INITIAL);
  return (
    <div className="mt-6 grid gap-6 lg:grid-cols-2">
      <form
        ref={adjustForm}
        onSubmit={keepValuesOnRefusal(adjust)}
        aria-labelledby="adjust-stock-heading"
        className="rounded-2xl border border-line bg-surface p-5"
      >
        <h3 id="adjust-stock-heading" className="font-semibold">
          Adjust stock
        </h3>
        <input type="hidden" name="productId" value={productId} />
        <div className="mt-4 grid gap-4 sm:grid-cols-2">
          <SelectField
            label="Variant and location"
            name="level"
            options={levels}
            required
            className="sm:col-span-2"
            error={errorFor(adjusted, "level")}
          />
          <TextField
            label="Change in units"
            name="delta"
            inputMode="numeric"
            required
            hint="Positive adds, negative removes (e.g. 12 or -2)"
            error={errorFor(adjusted, "delta")}
          />
          <SelectField
            label="Reason"
            name="reason"
            options={REASONS}
            required
            defaultValue=""
            error={errorFor(adjusted, "reason")}
          />
          <TextField
            label="Note"
            name="note"
            optional
            maxLength={500}
            className="sm:col-span-2"
            hint="A delivery or order number, what happened"
            error={errorFor(adjusted, "note")}
          />
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-4">
          <Button type="submit" variant="secondary" disabled={adjusting}>
            {adjusting ? "Saving…" : "Save adjustment"}
          </Button>
          <Outcome state={adjusted} />
        </div>
      </form>

      <form
        onSubmit={keepValuesOnRefusal(saveThreshold)}
        aria-labelledby="threshold-heading"
        className="rounded-2xl border border-line bg-surface p-5"
      >
        <h3 id="threshold-heading" className="font-semibold">
          Low-stock threshold
        </h3>
        <p className="mt-1 text-sm text-ink-muted">
          The dashboard lists a variant as running low when its units available across all locations are at or
          under the sum of its locations&apos; thresholds.
        </p>
        <input type="hidden" name="productId" value={productId} />
        <div className="mt-4 grid gap-4 sm:grid-cols-2">
          <SelectField
            label="Variant and location"
            name="level"
            options={levels}
            required
            className="sm:col-span-2"
            error={errorFor(thresholded, "level")}
          />
          <TextField
            label="Threshold in units"
            name="threshold"
            inputMode="numeric"
            required
            hint="0 to 100000"
            error={errorFor(thresholded, "threshold")}
          />
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-4">
          <Button type="submit" variant="secondary" disabled={saving}>
            {saving ? "Saving…" : "Save threshold"}
          </Button>
          <Outcome state={thresholded} />
        </div>
      </form>
    </div>
  );
}
