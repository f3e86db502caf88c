import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AdminNav } from "./admin-nav";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Emporium admin", template: "%s · Emporium admin" },
  robots: { index: false, follow: false },
};

export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-canvas font-sans text-ink">
        <a
          href="#main"
          className="sr-only z-50 rounded-lg bg-brand-700 px-4 py-2 text-white focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
        >
          Skip to content
        </a>
        <div className="flex min-h-screen flex-col md:flex-row">
          <header className="border-b border-line bg-surface md:w-60 md:border-r md:border-b-0">
            <div className="px-5 py-5">
              <p className="text-lg font-bold tracking-tight">Emporium</p>
              <p className="text-xs text-ink-muted">Merchant admin</p>
            </div>
            <AdminNav />
          </header>
          <div className="flex-1">
            <div
              role="note"
              className="border-b border-warning-200 bg-warning-50 px-6 py-3 text-sm text-warning"
            >
              Read-only preview: sign-in and catalog management (editing products, prices and stock) arrive in
              a later release.
            </div>
            <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-6 py-8 focus:outline-none">
              {children}
            </main>
          </div>
        </div>
      </body>
    </html>
  );
}
