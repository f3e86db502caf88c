// Progress through a multi-step task (checkout): an ordered list where the current step carries
// aria-current="step", finished steps can be reopened when `onSelect` is given, and later ones are
// plain text until reached.
import { cn } from "../cn";

export type StepState = "complete" | "current" | "upcoming";

export interface StepItem {
  id: string;
  label: string;
  state: StepState;
}

export interface StepsProps {
  label: string;
  steps: readonly StepItem[];
  onSelect?: (id: string) => void;
  className?: string;
}

export function Steps({ label, steps, onSelect, className }: StepsProps) {
  return (
    <nav aria-label={label} className={className}>
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-2 text-sm">
        {steps.map((step, index) => {
          const marker = (
            <span
              aria-hidden="true"
              className={cn(
                "flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold",
                step.state === "complete" && "bg-brand-700 text-white",
                step.state === "current" && "bg-ink text-white",
                step.state === "upcoming" && "bg-canvas-muted text-ink-muted ring-1 ring-line-strong",
              )}
            >
              {step.state === "complete" ? "✓" : index + 1}
            </span>
          );
          const spoken = step.state === "complete" ? " (done)" : "";
          return (
            <li
              key={step.id}
              aria-current={step.state === "current" ? "step" : undefined}
              className="flex items-center gap-2"
            >
              {index > 0 && <span aria-hidden="true" className="h-px w-4 bg-line-strong sm:w-8" />}
              {step.state === "complete" && onSelect ? (
                <button
                  type="button"
                  onClick={() => onSelect(step.id)}
                  className="flex items-center gap-2 rounded-md font-medium text-brand-700 hover:underline"
                >
                  {marker}
                  {step.label}
                  <span className="sr-only">{spoken}</span>
                </button>
              ) : (
                <span
                  className={cn(
                    "flex items-center gap-2",
                    step.state === "current" ? "font-semibold text-ink" : "text-ink-muted",
                  )}
                >
                  {marker}
                  {step.label}
                  {spoken && <span className="sr-only">{spoken}</span>}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
