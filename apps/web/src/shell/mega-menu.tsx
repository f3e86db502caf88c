"use client";
// The category menu, following the WAI-ARIA disclosure navigation pattern: each department is a link
// plus a button that opens its panel (hover opens it too). Escape closes and returns focus to the
// button; following a link closes it. Without JavaScript the panels open on hover and keyboard focus.
import { useId, useState, type FocusEvent, type KeyboardEvent } from "react";
import Link from "next/link";
import type { CategoryNode } from "@emporium/catalog/client";
import { cn } from "@emporium/ui/cn";
import { categoryHref } from "@/links";

export function MegaMenu({ categories }: { categories: CategoryNode[] }) {
  const [open, setOpen] = useState<string | null>(null);
  const baseId = useId();

  const closeOnFocusLeave = (event: FocusEvent<HTMLLIElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) setOpen(null);
  };
  const closeOnEscape = (event: KeyboardEvent<HTMLLIElement>, slug: string) => {
    if (event.key !== "Escape" || open !== slug) return;
    setOpen(null);
    event.currentTarget.querySelector<HTMLButtonElement>("button[aria-expanded]")?.focus();
  };

  return (
    <ul className="flex items-center gap-1">
      {categories.map((category, index) => {
        const panelId = `${baseId}-${category.slug}`;
        const isOpen = open === category.slug;
        const alignRight = index >= categories.length / 2;
        return (
          <li
            key={category.slug}
            className="group relative flex items-center"
            onMouseEnter={() => setOpen(category.slug)}
            onMouseLeave={() => setOpen(null)}
            onBlur={closeOnFocusLeave}
            onKeyDown={(event) => closeOnEscape(event, category.slug)}
          >
            <Link
              href={categoryHref(category.path)}
              className="rounded-md px-3 py-2 text-sm font-medium text-ink hover:bg-canvas-muted"
              onClick={() => setOpen(null)}
            >
              {category.name}
            </Link>
            {category.children.length > 0 && (
              <>
                <button
                  type="button"
                  aria-expanded={isOpen}
                  aria-controls={panelId}
                  className="no-js:hidden -ml-1 rounded-md p-1 text-ink-muted hover:bg-canvas-muted"
                  onClick={() => setOpen(isOpen ? null : category.slug)}
                >
                  <span className="sr-only">{category.name} categories</span>
                  <svg
                    aria-hidden="true"
                    viewBox="0 0 20 20"
                    className={cn("size-4 transition-transform", isOpen && "rotate-180")}
                  >
                    <path d="M5 8l5 5 5-5" fill="none" stroke="currentColor" strokeWidth="1.8" />
                  </svg>
                </button>
                <div
                  id={panelId}
                  className={cn(
                    "absolute top-full z-50 w-[min(44rem,calc(100vw-2rem))] pt-2",
                    alignRight ? "right-0" : "left-0",
                    isOpen ? "block" : "hidden",
                    "no-js:group-focus-within:block no-js:group-hover:block",
                  )}
                >
                  <div
                    className="grid grid-cols-2 gap-6 rounded-2xl border border-line bg-surface p-6 shadow-xl lg:grid-cols-3"
                    onClick={() => setOpen(null)}
                  >
                    {category.children.map((child) => (
                      <div key={child.slug}>
                        <Link
                          href={categoryHref(child.path)}
                          className="text-sm font-semibold text-ink hover:text-brand-700 hover:underline"
                        >
                          {child.name}
                        </Link>
                        {child.children.length > 0 && (
                          <ul className="mt-2 flex flex-col gap-1.5">
                            {child.children.map((leaf) => (
                              <li key={leaf.slug}>
                                <Link
                                  href={categoryHref(leaf.path)}
                                  className="text-sm text-ink-muted hover:text-brand-700 hover:underline"
                                >
                                  {leaf.name}
                                </Link>
                              </li>
                            ))}
                          </ul>
                        )}
                      </div>
                    ))}
                    <div className="col-span-full border-t border-line pt-4">
                      <Link
                        href={categoryHref(category.path)}
                        className="text-sm font-medium text-brand-700 hover:underline"
                      >
                        Shop all {category.name} ({category.productCount})
                      </Link>
                    </div>
                  </div>
                </div>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
