"use client";
// Step 1: who the order is for and where it goes. Checked in the browser first (the same rules the
// orders service applies), so mistakes show beside their fields at once; the first one gets focus.
import type { FormEvent } from "react";
import { Button } from "@emporium/ui/button";
import { SelectField } from "@emporium/ui/select-field";
import { TextField } from "@emporium/ui/text-field";
import {
  checkDetails,
  COUNTRIES,
  DETAIL_FIELDS,
  detailsFromForm,
  type CheckoutDetails,
  type DetailField,
  type DetailValues,
  type FieldErrors,
} from "./details";

export interface DetailsStepProps {
  values: DetailValues;
  errors: FieldErrors<DetailField>;
  onChange: (values: DetailValues, errors: FieldErrors<DetailField>) => void;
  onDone: (details: CheckoutDetails) => void;
  continueLabel: string;
}

function focusFirstInvalid(
  form: HTMLFormElement,
  fields: readonly string[],
  errors: Partial<Record<string, string>>,
) {
  const first = fields.find((f) => errors[f]);
  const element = first ? form.elements.namedItem(first) : null;
  if (element instanceof HTMLElement) element.focus();
}

export function DetailsStep({ values, errors, onChange, onDone, continueLabel }: DetailsStepProps) {
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const next = detailsFromForm(new FormData(form));
    const check = checkDetails(next);
    if (!check.ok) {
      onChange(next, check.errors);
      focusFirstInvalid(form, DETAIL_FIELDS, check.errors);
      return;
    }
    onChange(next, {});
    onDone(check.details);
  };
  const field = (name: DetailField) => ({ name, defaultValue: values[name], error: errors[name] ?? null });

  return (
    <form method="post" noValidate onSubmit={onSubmit} className="flex flex-col gap-8">
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-3 text-base font-semibold">Contact</legend>
        <TextField
          label="Email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          hint="We send your receipt and delivery updates here."
          {...field("email")}
        />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-3 text-base font-semibold">Delivery address</legend>
        <TextField
          label="Full name"
          autoComplete="shipping name"
          required
          className="sm:col-span-2"
          {...field("name")}
        />
        <TextField
          label="Street address"
          autoComplete="shipping address-line1"
          required
          className="sm:col-span-2"
          {...field("line1")}
        />
        <TextField
          label="Apartment, suite, etc."
          autoComplete="shipping address-line2"
          optional
          className="sm:col-span-2"
          {...field("line2")}
        />
        <TextField label="Town or city" autoComplete="shipping address-level2" required {...field("city")} />
        <TextField
          label="State, county or region"
          autoComplete="shipping address-level1"
          optional
          {...field("region")}
        />
        <TextField
          label="Postal code"
          autoComplete="shipping postal-code"
          required
          {...field("postalCode")}
        />
        <SelectField
          label="Country"
          autoComplete="shipping country"
          options={COUNTRIES}
          name="country"
          defaultValue={values.country}
          error={errors.country ?? null}
        />
        <TextField
          label="Phone"
          type="tel"
          autoComplete="shipping tel"
          optional
          hint="Only for the courier, if they need to reach you."
          className="sm:col-span-2"
          {...field("phone")}
        />
      </fieldset>
      <div>
        <Button type="submit" size="lg">
          {continueLabel}
        </Button>
      </div>
    </form>
  );
}
