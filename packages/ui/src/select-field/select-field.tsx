// A labelled drop-down for forms, with the same hint and error wiring as TextField.
import { type ReactNode, type SelectHTMLAttributes } from "react";
import { cn } from "../cn";
import { Field } from "../field";
import { SelectOptions, type SelectOption } from "../select/select";
import { inputStyles } from "../text-field";

/** The same option shape as Select's, under the name this component has always exported. */
export type SelectFieldOption = SelectOption;

export interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: ReactNode;
  options: readonly SelectFieldOption[];
  hint?: ReactNode;
  error?: string | null;
}

export function SelectField({ label, options, hint, error, className, id, ...select }: SelectFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} id={id} className={className}>
      {(control) => (
        <select {...control} className={cn(inputStyles(Boolean(error)), "pr-8")} {...select}>
          <SelectOptions options={options} />
        </select>
      )}
    </Field>
  );
}
