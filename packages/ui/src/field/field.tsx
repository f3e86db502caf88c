// The frame TextField and SelectField share: a label above the control, an optional hint and error
// below it, and the ids that tie them together. The error and hint are named in aria-describedby and
// the control is marked aria-invalid, so a screen reader reads them when the field gets focus. The
// control itself is the caller's, rendered with the props this frame hands it.
import { useId, type ReactNode } from "react";
import { cn } from "../cn";

/** What the control inside the frame must carry for the label, hint and error to reach it. */
export interface FieldControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

export interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  /** The control's id; a generated one when absent. */
  id?: string;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

export function Field({ label, hint, error, id, className, children }: FieldProps) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  // The error comes first so it is what a screen reader says before the standing hint.
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ");
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <label htmlFor={controlId} className="text-sm font-medium text-ink">
        {label}
      </label>
      {children({
        id: controlId,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy || undefined,
      })}
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
