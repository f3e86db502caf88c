// A labelled text input with an optional hint and error, in the shared Field frame that ties the
// error to the input (aria-describedby, aria-invalid) so a screen reader reads it on focus.
import { type InputHTMLAttributes, type ReactNode } from "react";
import { cn } from "../cn";
import { Field } from "../field";

export interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  /** Marks the label "(optional)" instead of relying on `required` alone. */
  optional?: boolean;
}

export const inputStyles = (invalid: boolean) =>
  cn(
    "h-11 w-full rounded-lg border bg-surface px-3 text-base text-ink placeholder:text-ink-subtle sm:text-sm",
    "focus:border-brand-700 focus:outline-2 focus:outline-offset-0 focus:outline-brand-700",
    "disabled:cursor-not-allowed disabled:opacity-60",
    invalid ? "border-sale" : "border-line-strong",
  );

export function TextField({ label, hint, error, optional, className, id, ...input }: TextFieldProps) {
  const fieldLabel = (
    <>
      {label}
      {optional && <span className="font-normal text-ink-muted"> (optional)</span>}
    </>
  );
  return (
    <Field label={fieldLabel} hint={hint} error={error} id={id} className={className}>
      {(control) => <input {...control} className={inputStyles(Boolean(error))} {...input} />}
    </Field>
  );
}
