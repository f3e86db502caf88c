// The facet controls inside the listing form: sub-categories (links), brands and attributes
// (checkboxes named like the URL keys), the customer rating ("4★ & up"), a price range in dollars and an
// in-stock toggle.
import Link from "next/link";
import type { Facets } from "@emporium/catalog/client";
import { Button } from "@emporium/ui/button";
import { Checkbox } from "@emporium/ui/checkbox";
import { FacetGroup } from "@emporium/ui/facet-group";
import { centsToDollars, type ListingState } from "./listing-params";
import { RatingFacet } from "./rating-facet";

export interface CategoryLink {
  name: string;
  href: string;
  count: number;
  current: boolean;
}

export interface FacetSidebarProps {
  facets: Facets;
  state: ListingState;
  categoryLinks: CategoryLink[];
  categoryHeading: string;
}

const priceInputClass =
  "h-10 w-full rounded-lg border border-line-strong bg-surface pr-2 pl-6 text-sm text-ink placeholder:text-ink-subtle";

export function FacetSidebar({ facets, state, categoryLinks, categoryHeading }: FacetSidebarProps) {
  const range = facets.price;
  return (
    <div className="flex flex-col gap-5">
      {categoryLinks.length > 0 && (
        <nav aria-label={categoryHeading} className="border-b border-line pb-5">
          <h3 className="mb-3 text-sm font-semibold text-ink">{categoryHeading}</h3>
          <ul className="flex flex-col gap-2">
            {categoryLinks.map((link) => (
              <li key={link.href}>
                <Link
                  href={link.href}
                  aria-current={link.current ? "page" : undefined}
                  className="flex justify-between gap-2 text-sm text-ink hover:text-brand-700 hover:underline aria-[current=page]:font-semibold"
                >
                  <span>{link.name}</span>
                  <span className="text-xs text-ink-muted tabular-nums">
                    <span className="sr-only">, </span>
                    {link.count}
                    <span className="sr-only"> products</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}

      <FacetGroup
        legend="Brand"
        name="brand"
        options={facets.brands.map((b) => ({
          value: b.slug,
          label: b.label,
          count: b.count,
          selected: b.selected,
        }))}
      />
      {facets.attributes.map((attribute) => (
        <FacetGroup
          key={attribute.slug}
          legend={attribute.name}
          name={attribute.slug}
          options={attribute.values.map((v) => ({
            value: v.slug,
            label: v.label,
            count: v.count,
            selected: v.selected,
          }))}
        />
      ))}

      <RatingFacet counts={facets.rating} selected={state.minRating} />

      <fieldset className="border-b border-line pb-5">
        <legend className="mb-3 text-sm font-semibold text-ink">Price</legend>
        <div className="flex items-end gap-2">
          {(["price_min", "price_max"] as const).map((name) => {
            const isMin = name === "price_min";
            const value = isMin ? state.priceMin : state.priceMax;
            const hint = range ? (isMin ? Math.floor(range.min / 100) : Math.ceil(range.max / 100)) : null;
            return (
              <label key={name} className="flex flex-1 flex-col gap-1 text-xs text-ink-muted">
                <span>
                  {isMin ? "Min" : "Max"}
                  <span className="sr-only"> price in US dollars</span>
                </span>
                <span className="relative">
                  <span
                    aria-hidden="true"
                    className="absolute top-1/2 left-2.5 -translate-y-1/2 text-sm text-ink-muted"
                  >
                    $
                  </span>
                  <input
                    name={name}
                    type="text"
                    inputMode="decimal"
                    pattern="[0-9]+([.][0-9]{1,2})?"
                    autoComplete="off"
                    defaultValue={value === null ? "" : centsToDollars(value)}
                    placeholder={hint === null ? "" : String(hint)}
                    className={priceInputClass}
                  />
                </span>
              </label>
            );
          })}
          <Button type="submit" variant="secondary" className="shrink-0">
            Apply
          </Button>
        </div>
      </fieldset>

      <fieldset>
        <legend className="mb-3 text-sm font-semibold text-ink">Availability</legend>
        <Checkbox
          name="in_stock"
          value="1"
          label="In stock only"
          count={facets.inStock}
          defaultChecked={state.inStock}
        />
      </fieldset>

      <div className="js:hidden">
        <Button type="submit" className="w-full">
          Show results
        </Button>
      </div>
    </div>
  );
}
