// Numbered page links for offset-paged lists: the first, the last, and two either side of the current
// page, with gaps shown as an ellipsis. The current page is marked for screen readers. PagedNav puts
// them between the previous and next links, over "Page 2 of 5 · 96 orders".
import Link from "next/link";
import type { ReactNode } from "react";
import { Pagination } from "@emporium/ui/pagination";
import { AdminLink } from "./admin-link";

/** The pages to show, `null` standing for a gap: 1 … 4 5 [6] 7 8 … 20. */
export function pageWindow(current: number, count: number): (number | null)[] {
  const pages: (number | null)[] = [];
  for (let p = 1; p <= count; p++) {
    if (p === 1 || p === count || Math.abs(p - current) <= 2) pages.push(p);
    else if (pages[pages.length - 1] !== null) pages.push(null);
  }
  return pages;
}

export function PageNumbers({
  page,
  pageCount,
  href,
  label,
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
  label: string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap items-center gap-1 text-sm">
        {pageWindow(page, pageCount).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-ink-muted">
              …
            </li>
          ) : (
            <li key={p}>
              <Link
                href={href(p)}
                aria-current={p === page ? "page" : undefined}
                className="block min-w-8 rounded-lg px-2 py-1 text-center tabular-nums hover:bg-canvas-muted aria-[current=page]:bg-brand-50 aria-[current=page]:font-semibold aria-[current=page]:text-brand-800"
              >
                <span className="sr-only">Page </span>
                {p}
              </Link>
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}

/** Previous and next links around the page numbers and where this page stands. */
export function PagedNav({
  label,
  page,
  pageCount,
  href,
  total,
}: {
  /** What is paged, for screen readers: "Order pages" (the numbers are "Order page numbers"). */
  label: string;
  page: number;
  pageCount: number;
  href: (page: number) => string;
  /** How many there are in all, in words ("96 orders"); not said when not given. */
  total?: ReactNode;
}) {
  return (
    <Pagination
      className="mt-6"
      label={label}
      prevHref={page > 1 ? href(page - 1) : null}
      nextHref={page < pageCount ? href(page + 1) : null}
      status={
        <div className="flex flex-col items-center gap-2">
          <PageNumbers
            page={page}
            pageCount={pageCount}
            href={href}
            label={`${label.replace(/s$/, "")} numbers`}
          />
          <span>
            Page {page} of {pageCount}
            {total !== undefined && <> · {total}</>}
          </span>
        </div>
      }
      LinkComponent={AdminLink}
    />
  );
}
