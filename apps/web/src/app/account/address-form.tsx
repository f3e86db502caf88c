"use client";
import { useActionState } from "react";
import { Alert } from "@emporium/ui/alert";
import { Button } from "@emporium/ui/button";
import { SelectField } from "@emporium/ui/select-field";
import { TextField } from "@emporium/ui/text-field";
import { COUNTRIES } from "@/checkout/details";
import { addAddress, type AddressFormState } from "./actions";

const INITIAL: AddressFormState = { status: "idle", message: null };

export function AddressForm() {
  const [state, action, pending] = useActionState(addAddress, INITIAL);
  const error = (field: keyof NonNullable<AddressFormState["errors"]>) => state.errors?.[field] ?? null;
  return (
    <form
      action={action}
      aria-label="Add an address"
      className="mt-4 grid gap-4 rounded-2xl border border-line p-5 sm:grid-cols-2"
      noValidate
    >
      <TextField
        label="Full name"
        name="name"
        defaultValue={state.values?.name}
        autoComplete="name"
        required
        error={error("name")}
        className="sm:col-span-2"
      />
      <TextField
        label="Street address"
        name="line1"
        defaultValue={state.values?.line1}
        autoComplete="address-line1"
        required
        error={error("line1")}
        className="sm:col-span-2"
      />
      <TextField
        label="Apartment, suite"
        name="line2"
        defaultValue={state.values?.line2}
        autoComplete="address-line2"
        optional
        error={error("line2")}
        className="sm:col-span-2"
      />
      <TextField
        label="Town or city"
        name="city"
        defaultValue={state.values?.city}
        autoComplete="address-level2"
        required
        error={error("city")}
      />
      <TextField
        label="State or region"
        name="region"
        defaultValue={state.values?.region}
        autoComplete="address-level1"
        optional
        error={error("region")}
      />
      <TextField
        label="Postal code"
        name="postalCode"
        defaultValue={state.values?.postalCode}
        autoComplete="postal-code"
        required
        error={error("postalCode")}
      />
      <SelectField
        label="Country"
        name="country"
        autoComplete="country"
        options={COUNTRIES}
        defaultValue={state.values?.country ?? "US"}
        error={error("country")}
      />
      <TextField
        label="Phone"
        name="phone"
        defaultValue={state.values?.phone}
        type="tel"
        autoComplete="tel"
        optional
        error={error("phone")}
      />
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
