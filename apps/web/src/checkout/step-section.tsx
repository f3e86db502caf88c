// One checkout step on the page: its numbered heading (focusable, so focus can follow the step that
// opens), the step's form while it is open, a one-line recap with a Change button once it is finished.
import type { ReactNode, Ref } from "react";
import { cn } from "@emporium/ui/cn";
import type { StepId } from "./problems";

export interface StepSectionProps {
  id: StepId;
  /** 1-based position shown before the heading. */
  number: number;
  heading: string;
  open: boolean;
  done: boolean;
  /** Whether the Change button may show (not while the order is being placed). */
  changeable: boolean;
  onChange: () => void;
  headingRef: Ref<HTMLHeadingElement>;
  /** What a finished step shows while closed. */
  recap: ReactNode;
  /** The step's form, shown while open. */
  children: ReactNode;
}

export function StepSection({
  id,
  number,
  heading,
  open,
  done,
  changeable,
  onChange,
  headingRef,
  recap,
  children,
}: StepSectionProps) {
  return (
    <section
      aria-labelledby={`step-${id}`}
      className={cn(
        "rounded-2xl border bg-surface p-5 sm:p-6",
        open ? "border-ink/20 shadow-sm" : "border-line",
      )}
    >
      <div className="flex items-start justify-between gap-4">
        <h2
          id={`step-${id}`}
          tabIndex={-1}
          ref={headingRef}
          className={cn("text-lg font-semibold focus:outline-none", !open && !done && "text-ink-muted")}
        >
          <span className="text-ink-muted">{number}.</span> {heading}
        </h2>
        {!open && done && changeable && (
          <button
            type="button"
            onClick={onChange}
            className="text-sm font-medium text-brand-700 hover:underline"
          >
            Change<span className="sr-only"> {heading.toLowerCase()}</span>
          </button>
        )}
      </div>
      {open ? (
        <div className="mt-5">{children}</div>
      ) : (
        done && <div className="mt-3 text-sm text-ink-muted">{recap}</div>
      )}
    </section>
  );
}
