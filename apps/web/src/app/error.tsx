"use client";
// A page failed for a reason the shopper cannot fix. Details stay in the server log (digest links
// them); the shopper gets a retry.
import { Button } from "@emporium/ui/button";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">Something went wrong</h1>
      <p className="mt-3 text-ink-muted">
        This page could not be shown just now. Please try again in a moment.
      </p>
      {error.digest && <p className="mt-2 text-xs text-ink-muted">Reference: {error.digest}</p>}
      <Button className="mt-8" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
