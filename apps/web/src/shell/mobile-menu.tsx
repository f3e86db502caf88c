"use client";
// The category menu on small screens: a native disclosure, so it works without JavaScript; with it,
// following a link also closes the menu (client-side navigation keeps the header mounted).
import { useRef } from "react";
import Link from "next/link";
import type { CategoryNode } from "@emporium/catalog/client";
import { categoryHref } from "@/links";

export function MobileMenu({ categories }: { categories: CategoryNode[] }) {
  const details = useRef<HTMLDetailsElement>(null);
  const close = () => {
    if (details.current) details.current.open = false;
  };
  return (
    <details ref={details} className="group">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md px-2 py-2 text-sm font-medium">
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5">
          <path d="M3 6h14M3 10h14M3 14h14" stroke="currentColor" strokeWidth="1.8" />
        </svg>
        Menu
      </summary>
      <div className="absolute inset-x-0 top-full z-50 max-h-[70vh] overflow-y-auto border-b border-line bg-surface px-4 pb-6 shadow-lg">
        <ul className="divide-y divide-line">
          {categories.map((category) => (
            <li key={category.slug} className="py-3">
              <Link href={categoryHref(category.path)} className="font-semibold" onClick={close}>
                {category.name}
              </Link>
              {category.children.length > 0 && (
                <ul className="mt-2 grid grid-cols-2 gap-x-4 gap-y-2">
                  {category.children.map((child) => (
                    <li key={child.slug}>
                      <Link
                        href={categoryHref(child.path)}
                        className="text-sm text-ink-muted"
                        onClick={close}
                      >
                        {child.name}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
