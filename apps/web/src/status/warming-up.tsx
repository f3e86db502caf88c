// Shown instead of a page while the catalog is starting (it seeds itself on first start) or cannot be
// reached. It is not an error the shopper can fix, so it says what is happening and retries by itself.
import { AutoRefresh } from "./auto-refresh";

const REFRESH_SECONDS = 5;

export function WarmingUp({ detail }: { detail?: string }) {
  const progress = detail?.startsWith("The catalog is starting: ")
    ? detail.slice("The catalog is starting: ".length)
    : null;
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center px-4 py-24 text-center">
      <meta name="robots" content="noindex" />
      <AutoRefresh seconds={REFRESH_SECONDS} />
      <div
        aria-hidden="true"
        className="size-12 animate-spin rounded-full border-4 border-brand-100 border-t-brand-700"
      />
      <h1 className="mt-8 text-2xl font-semibold tracking-tight">The shop is warming up</h1>
      <p className="mt-3 text-ink-muted">
        We are getting the shelves ready. This page refreshes by itself every {REFRESH_SECONDS} seconds.
      </p>
      <p role="status" className="mt-4 text-sm text-ink-muted">
        {progress ? `Currently ${progress}.` : "The catalog is not answering yet."}
      </p>
    </div>
  );
}
