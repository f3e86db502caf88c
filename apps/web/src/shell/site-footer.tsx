import Link from "next/link";
import type { CategoryNode } from "@emporium/catalog/client";
import { categoryHref } from "@/links";

export function SiteFooter({ categories }: { categories: CategoryNode[] }) {
  return (
    <footer className="mt-16 border-t border-line bg-surface">
      <div className="mx-auto grid max-w-7xl gap-8 px-4 py-12 sm:px-6 md:grid-cols-[2fr_1fr_3fr] lg:px-8">
        <div>
          <p className="text-lg font-bold tracking-tight">Emporium</p>
          <p className="mt-2 max-w-sm text-sm text-ink-muted">
            Everyday clothing, footwear and goods for the home, made by independent brands in small batches.
          </p>
        </div>
        <nav aria-label="Orders">
          <h2 className="text-sm font-semibold">Your orders</h2>
          <ul className="mt-3 flex flex-col gap-2">
            <li>
              <Link href="/orders/lookup" className="text-sm text-ink-muted hover:text-ink hover:underline">
                Track an order
              </Link>
            </li>
            <li>
              <Link href="/cart" className="text-sm text-ink-muted hover:text-ink hover:underline">
                Your cart
              </Link>
            </li>
          </ul>
        </nav>
        {categories.length > 0 && (
          <nav aria-label="Footer">
            <h2 className="text-sm font-semibold">Shop</h2>
            <ul className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-3">
              {categories.map((c) => (
                <li key={c.slug}>
                  <Link
                    href={categoryHref(c.path)}
                    className="text-sm text-ink-muted hover:text-ink hover:underline"
                  >
                    {c.name}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </div>
      <div className="border-t border-line">
        <p className="mx-auto max-w-7xl px-4 py-4 text-xs text-ink-muted sm:px-6 lg:px-8">
          © {new Date().getFullYear()} Emporium. Prices in US dollars.
        </p>
      </div>
    </footer>
  );
}
