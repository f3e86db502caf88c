// When the catalog refuses a search because this connection has searched too often, the shopper keeps
// the page (header, their words in the search box, the heading) and is told when to try again, instead
// of the error page. Next cannot send a page's status from here, so the page answers 200 and is kept
// out of search engines with noindex.
import { buttonStyles } from "@emporium/ui/button";
import { EmptyState } from "@emporium/ui/empty-state";
import { NextLink } from "@/next-link";

export function TooManySearches({ message, retryHref }: { message: string; retryHref: string }) {
  return (
    <EmptyState
      title="Searching is paused for a moment"
      action={
        <NextLink href={retryHref} className={buttonStyles()}>
          Search again
        </NextLink>
      }
    >
      <meta name="robots" content="noindex" />
      <p role="status">{message}</p>
    </EmptyState>
  );
}
