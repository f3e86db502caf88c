"use client";
// The product details both product forms share: title, description, brand, categories, attributes.
// A refused field (named by the catalog) is marked invalid and carries the message.
import { Checkbox } from "@emporium/ui/checkbox";
import { SelectField } from "@emporium/ui/select-field";
import { TextField } from "@emporium/ui/text-field";
import type { ProductReference } from "@/trpc/server";
import type { DetailsInput } from "./product-form-data";

export interface FieldErrors {
  /** The message for this form input, or null. */
  errorFor(name: string): string | null;
}

export function fieldErrors(state: { status: string; message: string | null; field?: string | undefined }) {
  return {
    errorFor: (name: string) => (state.status === "error" && state.field === name ? state.message : null),
  };
}

const textareaClass =
  "min-h-28 w-full rounded-lg border border-line-strong bg-surface px-3 py-2 text-base text-ink sm:text-sm";

export function ProductDetailsFields({
  reference,
  defaults,
  errors,
}: {
  reference: ProductReference;
  defaults?: DetailsInput | undefined;
  errors: FieldErrors;
}) {
  const [primary, ...also] = defaults?.categoryIds ?? [];
  const chosenValues = new Set(defaults?.attributeValueIds ?? []);
  // "Kitchen › Cookware": each category under its parents' names, as the primary category's list reads.
  const nameByPath = new Map(reference.categories.map((c) => [c.path, c.name]));
  const trail = (path: string) =>
    path
      .split("/")
      .map((_, i, parts) => nameByPath.get(parts.slice(0, i + 1).join("/")) ?? parts[i])
      .join(" › ");
  const categoryOptions = reference.categories.map((c) => ({
    value: c.id,
    label: `${"\u2003".repeat(c.depth)}${c.name}`,
  }));
  return (
    <div className="grid gap-5">
      <TextField
        label="Title"
        name="title"
        required
        maxLength={200}
        defaultValue={defaults?.title}
        error={errors.errorFor("title")}
      />
      <div className="flex flex-col gap-1.5">
        <label htmlFor="product-description" className="text-sm font-medium">
          Description <span className="font-normal text-ink-muted">(optional)</span>
        </label>
        <textarea
          id="product-description"
          name="description"
          maxLength={5000}
          defaultValue={defaults?.description}
          className={textareaClass}
        />
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField
          label="Brand"
          name="brandId"
          defaultValue={defaults?.brandId ?? ""}
          options={[
            { value: "", label: "No brand" },
            ...reference.brands.map((b) => ({ value: b.id, label: b.name })),
          ]}
          error={errors.errorFor("brandId")}
        />
        <SelectField
          label="Primary category"
          name="primaryCategoryId"
          hint="Shown in the storefront's breadcrumbs"
          defaultValue={primary ?? ""}
          options={[{ value: "", label: "No category" }, ...categoryOptions]}
          error={errors.errorFor("primaryCategoryId")}
        />
      </div>
      <fieldset className="rounded-xl border border-line p-4">
        <legend className="px-1 text-sm font-medium">Also list under</legend>
        <div className="grid max-h-56 gap-2 overflow-y-auto sm:grid-cols-2">
          {reference.categories.map((c) => (
            <Checkbox
              key={c.id}
              name="categoryIds"
              value={c.id}
              label={trail(c.path)}
              defaultChecked={also.includes(c.id)}
            />
          ))}
        </div>
      </fieldset>
      {reference.attributes.length > 0 && (
        <fieldset className="rounded-xl border border-line p-4" aria-describedby="attributes-hint">
          <legend className="px-1 text-sm font-medium">Attributes</legend>
          <p id="attributes-hint" className="text-xs text-ink-muted">
            Shoppers filter by these in the storefront.
          </p>
          {errors.errorFor("attributeValueIds") && (
            <p className="mt-1 text-sm font-medium text-sale">{errors.errorFor("attributeValueIds")}</p>
          )}
          <div className="mt-3 grid gap-4 sm:grid-cols-3">
            {reference.attributes.map((a) => (
              <fieldset key={a.id}>
                <legend className="text-xs font-semibold tracking-wide text-ink-muted uppercase">
                  {a.name}
                </legend>
                <div className="mt-2 grid gap-1.5">
                  {a.values.map((v) => (
                    <Checkbox
                      key={v.id}
                      name="attributeValueIds"
                      value={v.id}
                      label={v.value}
                      defaultChecked={chosenValues.has(v.id)}
                    />
                  ))}
                </div>
              </fieldset>
            ))}
          </div>
        </fieldset>
      )}
    </div>
  );
}
