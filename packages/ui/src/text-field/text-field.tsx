// A labelled text input with an optional hint and error. The error is tied to the input with
// aria-describedby and aria-invalid, so a screen reader reads it when the field gets focus.
import { useId, type InputHTMLAttributes, type ReactNode } from "react";
import { cn } from "../cn";

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
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ");
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <label htmlFor={inputId} className="text-sm font-medium text-ink">
        {label}
        {optional && <span className="font-normal text-ink-muted"> (optional)</span>}
      </label>
      <input
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={inputStyles(Boolean(error))}
        {...input}
      />
      {hint && (
        <p id={hintId} className="text-xs text-ink-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-sm font-medium text-sale">
          {error}
        </p>
      )}
    </div>
  );
}
