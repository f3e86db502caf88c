// Where a listing page sits and links to the others: "25–48 of 352 products", Previous and Next, and
// the page numbers — all plain links, so it works without JavaScript.
//
// Previous and Next follow the catalog's keyset cursors (after=/before=): paging one step at a time
// never skips or repeats a product while products come and go. A keyset cursor cannot jump to an
// arbitrary page, so the numbered links open page N by number instead (page=N, the catalog's OFFSET
// (N−1)×24, bounded to the catalog's MAX_OFFSET so it stays cheap); from there Previous and Next
// are keyset cursors again. The catalog tells every page how many products come before it
// (ProductPage.offset, carried in the keyset cursors), which gives the position and the current page
// number. When it does not know (an old cursor), the page shows the count alone and no current number.
import { MAX_OFFSET } from "@emporium/catalog/browser";
import type { ProductPage } from "@emporium/catalog/client";
import { buttonStyles } from "@emporium/ui/button";
import { cn } from "@emporium/ui/cn";
import { NextLink } from "@/next-link";
import { listingHref, PAGE_SIZE, withPage, withPageNumber, type ListingState } from "./listing-params";

/** The catalog opens a page by number only within its first MAX_OFFSET products. */
export const LAST_REACHABLE_PAGE = Math.floor(MAX_OFFSET / PAGE_SIZE) + 1;

const number = (n: number) => n.toLocaleString("en-US");

export function countLabel(total: number): string {
  return `${number(total)} ${total === 1 ? "product" : "products"}`;
}

/** "25–48 of 352 products" when the page knows where it starts, else "352 products". */
export function positionLabel(page: Pick<ProductPage, "total" | "offset" | "items">): string {
  if (page.offset === null || page.items.length === 0) return countLabel(page.total);
  const from = page.offset + 1;
  const to = Math.min(page.offset + page.items.length, Math.max(page.total, from));
  return `${number(from)}–${number(to)} of ${countLabel(page.total)}`;
}

/**
 * The page numbers to show around `current` of `last`: the first, the last, the current one and its
 * neighbours, with null for a gap ("…"); a gap of a single page shows that page instead.
 */
export function pageWindow(current: number | null, last: number): (number | null)[] {
  const wanted = new Set<number>([1, last]);
  if (current !== null) for (const n of [current - 1, current, current + 1]) wanted.add(n);
  const shown = [...wanted].filter((n) => n >= 1 && n <= last).sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const n of shown) {
    const previous = out.at(-1);
    if (typeof previous === "number" && n - previous === 2) out.push(n - 1);
    else if (typeof previous === "number" && n - previous > 2) out.push(null);
    out.push(n);
  }
  return out;
}

export interface ListingPaginationProps {
  pathname: string;
  state: ListingState;
  page: Pick<ProductPage, "total" | "offset" | "items" | "nextCursor" | "prevCursor">;
}

const control = buttonStyles({ variant: "secondary", size: "sm", className: "min-w-9" });

export function ListingPagination({ pathname, state, page }: ListingPaginationProps) {
  const last = Math.min(Math.ceil(page.total / PAGE_SIZE), LAST_REACHABLE_PAGE);
  if (last <= 1 && !page.prevCursor && !page.nextCursor) return null;
  const current = page.offset === null ? null : Math.floor(page.offset / PAGE_SIZE) + 1;
  const prevHref = page.prevCursor
    ? listingHref(pathname, withPage(state, { direction: "before", value: page.prevCursor }))
    : null;
  const nextHref = page.nextCursor
    ? listingHref(pathname, withPage(state, { direction: "after", value: page.nextCursor }))
    : null;

  const step = (href: string | null, rel: "prev" | "next") => {
    const content =
      rel === "prev" ? (
        <>
          <span aria-hidden="true">←</span> Previous
        </>
      ) : (
        <>
          Next <span aria-hidden="true">→</span>
        </>
      );
    return (
      <li>
        {href ? (
          <NextLink href={href} rel={rel} className={control}>
            {content}
          </NextLink>
        ) : (
          <span aria-disabled="true" className={control}>
            {content}
          </span>
        )}
      </li>
    );
  };

  return (
    <nav aria-label="Pages" className="flex flex-col items-center gap-3">
      <ul className="flex flex-wrap items-center justify-center gap-2">
        {step(prevHref, "prev")}
        {pageWindow(current, last).map((n, index) =>
          n === null ? (
            <li key={`gap-${index}`} aria-hidden="true" className="px-1 text-ink-muted">
              …
            </li>
          ) : (
            <li key={n}>
              <NextLink
                href={listingHref(pathname, withPageNumber(state, n))}
                aria-label={`Page ${n}`}
                aria-current={n === current ? "page" : undefined}
                className={cn(
                  control,
                  n === current && "border-brand-700 bg-brand-700 text-white hover:bg-brand-800",
                )}
              >
                {n}
              </NextLink>
            </li>
          ),
        )}
        {step(nextHref, "next")}
      </ul>
      {page.items.length > 0 && <p className="text-sm text-ink-muted">{positionLabel(page)}</p>}
    </nav>
  );
}
