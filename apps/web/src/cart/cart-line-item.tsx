"use client";
// One line of the cart: picture, title, the price held for it (and the price now, if it moved), stock
// warnings, a quantity stepper and Remove. The stepper's buttons are submit buttons of a real form, so
// they work without JavaScript too.
import Link from "next/link";
import { useActionState } from "react";
import { cn } from "@emporium/ui/cn";
import { formatMoney } from "@emporium/ui/money";
import { productHref } from "@/links";
import { useHydrated } from "@/use-hydrated";
import { updateCartLine } from "./actions";
import { maxQuantity, priceNote, stockNote, type ClientCartLine } from "./client-cart";
import { useCart } from "./cart-context";
import { IDLE_CART_FORM } from "./form-state";
import { useCartAnswer } from "./use-cart-answer";

export interface CartLineItemProps {
  line: ClientCartLine;
  currency: string;
  /** Where a form post without JavaScript comes back to. */
  returnTo: string;
  compact?: boolean;
}

const stepButton =
  "flex size-9 items-center justify-center text-lg text-ink hover:bg-canvas-muted disabled:cursor-not-allowed disabled:text-ink-subtle disabled:hover:bg-transparent";

export function CartLineItem({ line, currency, returnTo, compact = false }: CartLineItemProps) {
  const { setCart } = useCart();
  const hydrated = useHydrated();
  const [state, formAction, pending] = useActionState(updateCartLine, IDLE_CART_FORM, returnTo);

  useCartAnswer(state, setCart);

  const stock = stockNote(line);
  const price = priceNote(line, currency);
  const max = maxQuantity(line);
  const error = state.status === "error" ? state.message : null;
  const [productTitle, variantTitle] = splitTitle(line.title);
  const href = line.productSlug ? productHref(line.productSlug, line.variantId) : null;
  const errorId = `line-${line.variantId}-error`;

  return (
    <li className={cn("flex gap-4 py-4", pending && "opacity-60")} aria-busy={pending}>
      <div
        className={cn(
          "shrink-0 self-start overflow-hidden rounded-lg bg-canvas-muted",
          compact ? "w-20" : "w-24",
        )}
      >
        {line.image ? (
          <img
            src={line.image.url}
            alt={line.image.alt}
            width={line.image.width}
            height={line.image.height}
            loading="lazy"
            decoding="async"
            className="aspect-[4/5] w-full object-cover"
          />
        ) : (
          <div aria-hidden="true" className="aspect-[4/5] w-full" />
        )}
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <div className="flex items-start justify-between gap-3">
          <div className="min-w-0">
            <p className="font-medium text-ink">
              {href ? (
                <Link href={href} className="hover:underline">
                  {productTitle}
                </Link>
              ) : (
                productTitle
              )}
            </p>
            {variantTitle && <p className="text-sm text-ink-muted">{variantTitle}</p>}
          </div>
          <p className="shrink-0 font-semibold text-ink tabular-nums">
            {formatMoney(line.lineTotal, currency)}
          </p>
        </div>
        <p className="text-sm text-ink-muted">{formatMoney(line.unitPrice, currency)} each</p>
        {price && <p className="text-sm text-ink-muted">{price}</p>}
        {stock && (
          <p className={cn("text-sm font-medium", stock.blocking ? "text-sale" : "text-warning")}>
            {stock.text}
          </p>
        )}
        <form action={formAction} className="mt-2 flex flex-wrap items-center gap-3">
          <input type="hidden" name="variantId" value={line.variantId} />
          <input type="hidden" name="returnTo" value={returnTo} />
          <input type="hidden" name="enhanced" value={hydrated ? "1" : "0"} />
          <div
            role="group"
            aria-label={`Quantity of ${line.title}`}
            aria-describedby={error ? errorId : undefined}
            className="flex items-center overflow-hidden rounded-lg border border-line-strong"
          >
            <button
              type="submit"
              name="quantity"
              value={line.quantity - 1}
              disabled={pending || line.quantity <= 1}
              className={stepButton}
            >
              <span aria-hidden="true">−</span>
              <span className="sr-only">Decrease quantity</span>
            </button>
            <output className="min-w-9 text-center text-sm font-medium tabular-nums" aria-live="polite">
              {line.quantity}
            </output>
            <button
              type="submit"
              name="quantity"
              value={line.quantity + 1}
              disabled={pending || line.quantity >= max}
              className={stepButton}
            >
              <span aria-hidden="true">+</span>
              <span className="sr-only">Increase quantity</span>
            </button>
          </div>
          <button
            type="submit"
            name="quantity"
            value="0"
            disabled={pending}
            className="text-sm font-medium text-ink-muted underline-offset-2 hover:text-ink hover:underline"
          >
            Remove<span className="sr-only"> {line.title}</span>
          </button>
        </form>
        {error && (
          <p id={errorId} role="alert" className="text-sm font-medium text-sale">
            {error}
          </p>
        )}
      </div>
    </li>
  );
}

/** "Chore Jacket — Sage / XS" → ["Chore Jacket", "Sage / XS"]: the cart stores both in one title. */
function splitTitle(title: string): [string, string | null] {
  const at = title.lastIndexOf(" — ");
  return at > 0 ? [title.slice(0, at), title.slice(at + 3)] : [title, null];
}
