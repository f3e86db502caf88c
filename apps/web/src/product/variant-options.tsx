"use client";
// One row of toggle buttons per option (Colour, Size). Sold-out values stay selectable but look
// crossed out; values that do not exist with the other choices look dashed, and picking one moves the
// other choices to the nearest combination that does (the catalog's `choose`).
import { valueState, type Selection, type ValueState } from "@emporium/catalog/browser";
import type { ProductOptionView, VariantView } from "@emporium/catalog/client";
import { cn } from "@emporium/ui/cn";

export interface VariantOptionsProps {
  options: ProductOptionView[];
  variants: VariantView[];
  selection: Selection;
  onChoose: (optionId: string, valueId: string) => void;
}

const stateStyles: Record<ValueState, string> = {
  available: "border-line-strong text-ink hover:border-ink",
  "sold-out":
    "border-line-strong text-ink-subtle line-through bg-[linear-gradient(to_top_right,transparent_calc(50%-1px),var(--color-line-strong)_50%,transparent_calc(50%+1px))]",
  unavailable: "border-dashed border-line-strong text-ink-subtle",
};

const spokenState: Record<ValueState, string> = {
  available: "",
  "sold-out": " (sold out)",
  unavailable: " (not available with your other choices)",
};

export function VariantOptions({ options, variants, selection, onChoose }: VariantOptionsProps) {
  return (
    <div className="flex flex-col gap-6">
      {options.map((option) => {
        const chosen = option.values.find((v) => v.id === selection[option.id]);
        return (
          <fieldset key={option.id}>
            <legend className="text-sm font-medium text-ink">
              {option.name}:{" "}
              <span className="font-normal text-ink-muted">{chosen?.value ?? "choose one"}</span>
            </legend>
            <div className="mt-3 flex flex-wrap gap-2">
              {option.values.map((value) => {
                const state = valueState(variants, selection, option.id, value.id);
                const pressed = chosen?.id === value.id;
                return (
                  <button
                    key={value.id}
                    type="button"
                    aria-pressed={pressed}
                    onClick={() => onChoose(option.id, value.id)}
                    className={cn(
                      "min-w-12 rounded-lg border px-3 py-2 text-sm font-medium transition-colors",
                      stateStyles[state],
                      pressed && "border-ink bg-ink text-white hover:border-ink",
                      pressed && state === "sold-out" && "bg-none",
                    )}
                  >
                    {value.value}
                    {state !== "available" && <span className="sr-only">{spokenState[state]}</span>}
                  </button>
                );
              })}
            </div>
          </fieldset>
        );
      })}
    </div>
  );
}
