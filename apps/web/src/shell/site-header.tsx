import { Suspense } from "react";
import Link from "next/link";
import type { CategoryNode } from "@emporium/catalog/client";
import { CartLink } from "@/cart/cart-link";
import { SearchBox, SearchBoxFallback } from "@/search/search-box";
import { MegaMenu } from "./mega-menu";
import { MobileMenu } from "./mobile-menu";

export function Logo() {
  return (
    <Link href="/" className="flex items-center gap-2 rounded-md text-lg font-bold tracking-tight text-ink">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-7 text-brand-700">
        <rect x="2" y="2" width="20" height="20" rx="6" fill="currentColor" />
        <path d="M8 8h8M8 12h6M8 16h8" stroke="white" strokeWidth="2" strokeLinecap="round" />
      </svg>
      Emporium
    </Link>
  );
}

/** The page header; `categories` is empty while the catalog cannot be reached, and the menu is left out. */
export function SiteHeader({ categories }: { categories: CategoryNode[] }) {
  return (
    <header className="relative z-40 border-b border-line bg-surface">
      {/* On a phone: menu, logo, account and cart on one row, the search box on the row below. */}
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-2 gap-y-3 px-4 py-3 sm:gap-x-4 sm:px-6 lg:px-8">
        {categories.length > 0 && (
          <div className="md:hidden">
            <MobileMenu categories={categories} />
          </div>
        )}
        <Logo />
        <div className="order-last w-full md:order-none md:ml-auto md:max-w-md">
          <Suspense fallback={<SearchBoxFallback />}>
            <SearchBox />
          </Suspense>
        </div>
        <div className="ml-auto flex items-center gap-1 sm:gap-2 md:ml-0">
          {/* Static, so every page stays cacheable: /account signs a visitor in first. */}
          <Link
            href="/account"
            className="flex items-center gap-2 rounded-md px-2 py-2 text-sm font-medium text-ink hover:bg-canvas-muted"
          >
            <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6 sm:hidden">
              <circle cx="12" cy="8" r="4" fill="none" stroke="currentColor" strokeWidth="1.8" />
              <path d="M4 20c1.5-4 4.5-6 8-6s6.5 2 8 6" fill="none" stroke="currentColor" strokeWidth="1.8" />
            </svg>
            <span className="sr-only sm:not-sr-only">Account</span>
          </Link>
          <CartLink />
        </div>
      </div>
      {categories.length > 0 && (
        <nav aria-label="Departments" className="hidden border-t border-line md:block">
          <div className="mx-auto max-w-7xl px-2 py-1 sm:px-4 lg:px-6">
            <MegaMenu categories={categories} />
          </div>
        </nav>
      )}
    </header>
  );
}
