import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import type { HomePage as HomeData } from "@emporium/catalog/client";
import { buttonStyles } from "@emporium/ui/button";
import { ProductCard } from "@emporium/ui/product-card";
import { ProductGrid } from "@emporium/ui/product-grid";
import { categoryHref } from "@/links";
import { cardProps } from "@/product/card-props";
import { WarmingUp } from "@/status/warming-up";
import { attempt } from "@/trpc/catalog-errors";
import { getHome } from "@/trpc/server";

export const metadata: Metadata = {
  alternates: { canonical: "/" },
};

function Hero({ home }: { home: HomeData }) {
  const [first, second] = home.featuredCategories;
  const images = home.featuredCategories.flatMap((c) => (c.image ? [c.image] : [])).slice(0, 3);
  return (
    <section className="relative overflow-hidden bg-brand-900 text-white">
      <div className="mx-auto grid max-w-7xl items-center gap-10 px-4 py-16 sm:px-6 lg:grid-cols-2 lg:px-8 lg:py-24">
        <div>
          <p className="text-sm font-semibold tracking-widest text-brand-200 uppercase">
            New season, honest prices
          </p>
          <h1 className="mt-4 text-4xl font-semibold tracking-tight text-balance sm:text-5xl">
            Good things, made to be used every day
          </h1>
          <p className="mt-5 max-w-lg text-lg text-brand-100">
            Clothing, footwear and goods for the home from independent makers — chosen for how long they last.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            {first && (
              <Link
                href={categoryHref(first.path)}
                className={buttonStyles({
                  size: "lg",
                  variant: "secondary",
                  className: "border-transparent",
                })}
              >
                Shop {first.name}
              </Link>
            )}
            {second && (
              <Link
                href={categoryHref(second.path)}
                className={buttonStyles({
                  size: "lg",
                  variant: "ghost",
                  className: "text-white ring-1 ring-white/40 hover:bg-white/10",
                })}
              >
                Shop {second.name}
              </Link>
            )}
          </div>
        </div>
        {images.length > 0 && (
          <div className="hidden grid-cols-3 gap-4 lg:grid">
            {images.map((image, index) => (
              <img
                key={image.url}
                src={image.url}
                alt=""
                width={image.width}
                height={image.height}
                decoding="async"
                className={`aspect-[4/5] w-full rounded-2xl object-cover shadow-2xl ${index === 1 ? "translate-y-8" : ""}`}
              />
            ))}
          </div>
        )}
      </div>
    </section>
  );
}

function Section({
  title,
  href,
  linkLabel,
  children,
}: {
  title: string;
  href?: string;
  linkLabel?: string;
  children: ReactNode;
}) {
  const id = title.toLowerCase().replace(/\W+/g, "-");
  return (
    <section aria-labelledby={id} className="mx-auto max-w-7xl px-4 pt-16 sm:px-6 lg:px-8">
      <div className="mb-6 flex items-end justify-between gap-4">
        <h2 id={id} className="text-2xl font-semibold tracking-tight">
          {title}
        </h2>
        {href && linkLabel && (
          <Link href={href} className="text-sm font-medium text-brand-700 hover:underline">
            {linkLabel} <span aria-hidden="true">→</span>
          </Link>
        )}
      </div>
      {children}
    </section>
  );
}

export default async function HomePage() {
  const result = await attempt(getHome());
  if (!result.ok) return <WarmingUp detail={result.failure.message} />;
  const home = result.data;
  return (
    <>
      <Hero home={home} />
      <Section title="Shop by department">
        <ul className="grid grid-cols-2 gap-4 sm:gap-6 md:grid-cols-3 lg:grid-cols-5">
          {home.featuredCategories.map((category) => (
            <li key={category.slug}>
              <Link
                href={categoryHref(category.path)}
                className="group flex flex-col overflow-hidden rounded-2xl border border-line bg-surface transition-shadow hover:shadow-lg"
              >
                <span className="aspect-[4/5] overflow-hidden bg-canvas-muted">
                  {category.image && (
                    <img
                      src={category.image.url}
                      alt=""
                      width={category.image.width}
                      height={category.image.height}
                      loading="lazy"
                      decoding="async"
                      className="h-full w-full object-cover transition-transform duration-300 group-hover:scale-[1.03]"
                    />
                  )}
                </span>
                <span className="flex flex-col gap-0.5 p-4">
                  <span className="font-semibold text-ink">{category.name}</span>
                  <span className="text-sm text-ink-muted">
                    {category.productCount.toLocaleString("en-US")} products
                  </span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </Section>
      {home.newArrivals.length > 0 && (
        <Section title="New arrivals">
          <ProductGrid label="New arrivals">
            {home.newArrivals.map((card) => (
              <ProductCard key={card.id} {...cardProps(card)} />
            ))}
          </ProductGrid>
        </Section>
      )}
      {home.featuredProducts.length > 0 && (
        <Section title="Featured">
          <ProductGrid label="Featured products">
            {home.featuredProducts.map((card) => (
              <ProductCard key={card.id} {...cardProps(card)} />
            ))}
          </ProductGrid>
        </Section>
      )}
    </>
  );
}
