// When a saved or shared link names a brand or value the catalog no longer has, the catalog answers
// 400; the shopper gets an explanation and a way back instead of an error page.
import { buttonStyles } from "@emporium/ui/button";
import { EmptyState } from "@emporium/ui/empty-state";
import { NextLink } from "@/next-link";

export function StaleFilters({ clearHref }: { clearHref: string }) {
  return (
    <EmptyState
      title="Some filters in this link are no longer available"
      action={
        <NextLink href={clearHref} className={buttonStyles()}>
          Clear filters
        </NextLink>
      }
    >
      A brand, colour or size in this link may have been retired, or the link may be out of date. Clear the
      filters to see everything in this section.
    </EmptyState>
  );
}
