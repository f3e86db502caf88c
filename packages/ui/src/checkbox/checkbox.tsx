// A labelled checkbox. The optional count ("Kestrel 12") is spoken as "Kestrel, 12 products" so the
// number is not read without context.
import { useId, type InputHTMLAttributes, type ReactNode } from "react";
import { cn } from "../cn";

export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "type"> {
  label: ReactNode;
  count?: number;
  /** The noun spoken after the count. */
  countNoun?: string;
}

export function Checkbox({
  label,
  count,
  countNoun = "products",
  className,
  id,
  disabled,
  ...input
}: CheckboxProps) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <div className={cn("flex items-center gap-3", className)}>
      <input
        id={inputId}
        type="checkbox"
        disabled={disabled}
        className="size-4 shrink-0 rounded border-line-strong accent-brand-700 disabled:cursor-not-allowed"
        {...input}
      />
      <label
        htmlFor={inputId}
        className={cn(
          "flex flex-1 cursor-pointer items-baseline justify-between gap-2 text-sm text-ink",
          disabled && "cursor-not-allowed text-ink-subtle",
        )}
      >
        <span>{label}</span>
        {count !== undefined && (
          <span className="text-xs text-ink-muted tabular-nums">
            <span className="sr-only">, </span>
            {count}
            <span className="sr-only"> {countNoun}</span>
          </span>
        )}
      </label>
    </div>
  );
}
