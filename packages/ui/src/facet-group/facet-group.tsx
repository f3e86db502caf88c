// One filter facet as a fieldset of checkboxes sharing a form field name, so it works as a plain GET
// form. Long lists fold behind a native disclosure; values with no matching products are disabled
// (unless selected, so a selection can always be undone).
import { Checkbox } from "../checkbox";
import { cn } from "../cn";

export interface FacetOption {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

export interface FacetGroupProps {
  legend: string;
  /** The form field name, e.g. "brand" or "colour". */
  name: string;
  options: FacetOption[];
  /** How many values show before "Show more". */
  visibleCount?: number;
  className?: string;
}

export function FacetGroup({ legend, name, options, visibleCount = 6, className }: FacetGroupProps) {
  if (options.length === 0) return null;
  const shown = options.slice(0, visibleCount);
  const folded = options.slice(visibleCount);
  const renderOption = (option: FacetOption) => (
    <li key={option.value}>
      <Checkbox
        name={name}
        value={option.value}
        label={option.label}
        count={option.count}
        defaultChecked={option.selected}
        disabled={option.count === 0 && !option.selected}
      />
    </li>
  );
  return (
    <fieldset className={cn("border-b border-line pb-5", className)}>
      <legend className="mb-3 text-sm font-semibold text-ink">{legend}</legend>
      <ul className="flex flex-col gap-2.5">{shown.map(renderOption)}</ul>
      {folded.length > 0 && (
        <details className="group mt-2.5" open={folded.some((o) => o.selected)}>
          <summary className="cursor-pointer list-none text-sm font-medium text-brand-700 hover:underline">
            <span className="group-open:hidden">Show {folded.length} more</span>
            <span className="hidden group-open:inline">Show fewer</span>
          </summary>
          <ul className="mt-2.5 flex flex-col gap-2.5">{folded.map(renderOption)}</ul>
        </details>
      )}
    </fieldset>
  );
}
