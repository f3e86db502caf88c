// A compact labelled drop-down (a sort order, a page size) whose label sits beside it and may be
// kept for screen readers only.
import { useId, type SelectHTMLAttributes } from "react";
import { cn } from "../cn";

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  options: SelectOption[];
  /** Keeps the label for screen readers only, when the context already says what the select is. */
  hideLabel?: boolean;
}

/** The `<option>` list both Select and SelectField render. */
export function SelectOptions({ options }: { options: readonly SelectOption[] }) {
  return options.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));
}

export function Select({ label, options, hideLabel = false, className, id, ...select }: SelectProps) {
  const generated = useId();
  const selectId = id ?? generated;
  return (
    <div className={cn("flex items-center gap-2", className)}>
      <label htmlFor={selectId} className={cn("text-sm text-ink-muted", hideLabel && "sr-only")}>
        {label}
      </label>
      <select
        id={selectId}
        className="h-10 rounded-lg border border-line-strong bg-surface pr-8 pl-3 text-sm text-ink disabled:opacity-50"
        {...select}
      >
        <SelectOptions options={options} />
      </select>
    </div>
  );
}
