"use client";
// The last resort when the root layout itself fails: a page of its own, with its own html and body.
import "./globals.css";

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="bg-canvas font-sans text-ink">
        <main className="mx-auto flex max-w-xl flex-col items-center px-4 py-24 text-center">
          <h1 className="text-2xl font-semibold tracking-tight">Something went wrong</h1>
          <p className="mt-3 text-ink-muted">
            The shop could not be shown just now. Please try again in a moment.
          </p>
          <button
            type="button"
            onClick={reset}
            className="mt-8 h-10 rounded-lg bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800"
          >
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
