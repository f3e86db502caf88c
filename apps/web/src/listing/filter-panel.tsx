"use client";
// The facet sidebar. On wide screens it sits beside the results; on small screens (with JavaScript)
// it opens as a full-screen dialog from a "Filters" button, keeps focus inside while open, and closes
// with Escape, the close button or "Show results". Without JavaScript it is shown inline.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { Button } from "@emporium/ui/button";
import { cn } from "@emporium/ui/cn";

const FOCUSABLE =
  "a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select, summary";

export interface FilterPanelProps {
  children: ReactNode;
  activeCount: number;
  resultLabel: string;
}

export function FilterPanel({ children, activeCount, resultLabel }: FilterPanelProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const panel = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    heading.current?.focus();
    const { overflow } = document.body.style;
    document.body.style.overflow = "hidden";
    return () => {
      document.body.style.overflow = overflow;
    };
  }, [open]);

  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!open) return;
    if (event.key === "Escape") {
      event.preventDefault();
      close();
      return;
    }
    if (event.key !== "Tab" || !panel.current) return;
    const focusable = Array.from(panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
      (el) => el.offsetParent !== null,
    );
    const first = focusable[0];
    const last = focusable.at(-1);
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  return (
    <>
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(true)}
        className="hidden h-10 items-center gap-2 rounded-lg border border-line-strong bg-surface px-4 text-sm font-medium js:inline-flex lg:hidden!"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4">
          <path d="M3 5h14M6 10h8M9 15h2" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
        Filters{activeCount > 0 && ` (${activeCount})`}
      </button>
      <div
        ref={panel}
        id={id}
        role={open ? "dialog" : undefined}
        aria-modal={open ? true : undefined}
        aria-labelledby={`${id}-heading`}
        onKeyDown={onKeyDown}
        className={cn(
          "lg:static lg:block lg:overflow-visible lg:bg-transparent lg:p-0",
          open ? "fixed inset-0 z-50 block overflow-y-auto bg-surface p-5" : "no-js:block hidden",
        )}
      >
        <div className="mb-4 flex items-center justify-between">
          <h2
            id={`${id}-heading`}
            ref={heading}
            tabIndex={-1}
            className="text-base font-semibold focus:outline-none"
          >
            Filters
          </h2>
          {open && (
            <Button variant="ghost" size="sm" onClick={close}>
              Close
            </Button>
          )}
        </div>
        {children}
        {open && (
          <div className="sticky bottom-0 mt-6 bg-surface pt-3 pb-1">
            <Button className="w-full" size="lg" onClick={close}>
              Show {resultLabel}
            </Button>
          </div>
        )}
      </div>
    </>
  );
}
