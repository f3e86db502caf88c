import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { Suspense, type ReactNode } from "react";
import { CartDrawer } from "@/cart/cart-drawer";
import { CartProvider } from "@/cart/cart-context";
import { getCartSnapshot, type CartSnapshot } from "@/cart/server";
import { env } from "@/env";
import { NONCE_HEADER } from "@/security-headers";
import { sharedRender } from "@/shared-cache";
import { InlineScript } from "@/shell/inline-script";
import { NavigationProgress } from "@/shell/navigation-progress";
import { SiteFooter } from "@/shell/site-footer";
import { SiteHeader } from "@/shell/site-header";
import { SkipLink } from "@/shell/skip-link";
import { ReportWebVitals } from "@/vitals/report-web-vitals";
import { getCategoryTree } from "@/trpc/server";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(env.SITE_URL),
  title: { default: "Emporium — clothing, footwear and goods for the home", template: "%s · Emporium" },
  description:
    "Shop everyday clothing, footwear, accessories and goods for the home from independent brands at Emporium.",
  applicationName: "Emporium",
  openGraph: { siteName: "Emporium", type: "website", locale: "en_US" },
};

export const viewport: Viewport = { themeColor: "#0c6b62" };

/** The department menu is optional: without it the page still works, and pages report catalog trouble. */
async function departments() {
  try {
    return await getCategoryTree();
  } catch (error) {
    unstable_rethrow(error);
    return [];
  }
}

const NO_CART: CartSnapshot = { cart: null, unavailable: false };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const requestHeaders = await headers();
  // A page a shared cache keeps is the same for every shopper: its cart is read by the browser instead.
  const shared = sharedRender(requestHeaders);
  const [categories, cart] = await Promise.all([departments(), shared ? NO_CART : getCartSnapshot()]);
  return (
    // The inline script adds class="js" before paint, so React sees a different class list.
    <html lang="en" suppressHydrationWarning>
      <head>
        <InlineScript
          code="document.documentElement.classList.add('js')"
          nonce={requestHeaders.get(NONCE_HEADER) ?? undefined}
        />
      </head>
      <body className="flex min-h-screen flex-col bg-canvas font-sans text-ink">
        <SkipLink />
        <ReportWebVitals />
        <Suspense fallback={null}>
          <NavigationProgress />
        </Suspense>
        <CartProvider initialCart={cart.cart} unavailable={cart.unavailable} loadInBrowser={shared}>
          <SiteHeader categories={categories} />
          <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
            {children}
          </main>
          <CartDrawer />
        </CartProvider>
        <SiteFooter categories={categories} />
      </body>
    </html>
  );
}
