"use client";
import { useActionState, useEffect, useRef } from "react";
import { Alert } from "@emporium/ui/alert";
import { Button } from "@emporium/ui/button";
import { keepValuesOnRefusal } from "@emporium/ui/form-action";
import { SelectField } from "@emporium/ui/select-field";
import { TextField } from "@emporium/ui/text-field";
import { COUNTRIES } from "@/checkout/details";
import { addAddress, type AddressFormState } from "./actions";

const INITIAL: AddressFormState = { status: "idle", message: null };

export function AddressForm() {
  const [state, action, pending] = useActionState(addAddress, INITIAL);
  // Fields stay as typed after a refusal; a saved address clears the form for the next one.
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "saved") form.current?.reset();
  }, [state]);
  const error = (field: keyof NonNullable<AddressFormState["errors"]>) => state.errors?.[field] ?? null;
  return (
    <form
      ref={form}
      onSubmit={keepValuesOnRefusal(action)}
      aria-label="Add an address"
      className="mt-4 grid gap-4 rounded-2xl border border-line p-5 sm:grid-cols-2"
      noValidate
    >
      <TextField
        label="Full name"
        name="name"
        autoComplete="name"
        required
        error={error("name")}
        className="sm:col-span-2"
      />
      <TextField
        label="Street address"
        name="line1"
        autoComplete="address-line1"
        required
        error={error("line1")}
        className="sm:col-span-2"
      />
      <TextField
        label="Apartment, suite"
        name="line2"
        autoComplete="address-line2"
        optional
        error={error("line2")}
        className="sm:col-span-2"
      />
      <TextField
        label="Town or city"
        name="city"
        autoComplete="address-level2"
        required
        error={error("city")}
      />
      <TextField
        label="State or region"
        name="region"
        autoComplete="address-level1"
        optional
        error={error("region")}
      />
      <TextField
        label="Postal code"
        name="postalCode"
        autoComplete="postal-code"
        required
        error={error("postalCode")}
      />
      <SelectField
        label="Country"
        name="country"
        autoComplete="country"
        options={COUNTRIES}
        defaultValue="US"
        error={error("country")}
      />
      <TextField label="Phone" name="phone" type="tel" autoComplete="tel" optional error={error("phone")} />
      <div className="flex items-center gap-4 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save address"}
        </Button>
        {state.status === "saved" && (
          <p role="status" className="text-sm text-success">
            {state.message}
          </p>
        )}
      </div>
      {state.status === "error" && (
        <Alert tone="error" live="assertive" className="sm:col-span-2">
          {state.message}
        </Alert>
      )}
    </form>
  );
}
