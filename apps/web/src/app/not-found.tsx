import Link from "next/link";
import { buttonStyles } from "@emporium/ui/button";

export default function NotFound() {
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center px-4 py-24 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight">We couldn’t find that page</h1>
      <p className="mt-3 text-ink-muted">
        The product may have sold out for good, or the link may be mistyped. Try searching, or start again
        from the home page.
      </p>
      <form role="search" action="/search" className="mt-8 flex w-full max-w-sm gap-2">
        <label htmlFor="not-found-search" className="sr-only">
          Search products
        </label>
        <input
          id="not-found-search"
          name="q"
          type="search"
          placeholder="Search products"
          className="h-10 flex-1 rounded-lg border border-line-strong bg-surface px-3 text-sm"
        />
        <button type="submit" className={buttonStyles()}>
          Search
        </button>
      </form>
      <Link href="/" className="mt-6 text-sm font-medium text-brand-700 hover:underline">
        Back to the home page
      </Link>
    </div>
  );
}
