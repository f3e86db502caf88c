"use client";
// Add to cart for the chosen variant and quantity. A real form: without JavaScript it posts and comes
// back to this page with a confirmation; with JavaScript the cart drawer opens in place. The button
// is disabled, with the reason beside it, until the choice can be bought; the service's refusals
// ("only 3 left") appear next to the quantity.
import { useActionState, useId, useState } from "react";
import { Button } from "@emporium/ui/button";
import { inputStyles } from "@emporium/ui/text-field";
import { addToCart } from "@/cart/actions";
import { useCart } from "@/cart/cart-context";
import { preloadCartContents } from "@/cart/cart-drawer";
import { IDLE_CART_FORM } from "@/cart/form-state";
import { useCartAnswer } from "@/cart/use-cart-answer";
import { productHref } from "@/links";
import { useHydrated } from "@/use-hydrated";
import type { Purchase } from "./purchase";

export interface AddToCartProps {
  slug: string;
  purchase: Purchase;
}

export function AddToCart({ slug, purchase }: AddToCartProps) {
  const { setCart, openDrawer } = useCart();
  const hydrated = useHydrated();
  const variantId = purchase.ok ? purchase.variant.id : null;
  const productUrl = productHref(slug, variantId);
  // Without JavaScript the form posts to this URL (not to one carrying ?added=), and the page comes
  // back with the form's answer.
  const [state, formAction, pending] = useActionState(addToCart, IDLE_CART_FORM, productUrl);
  const [quantity, setQuantity] = useState("1");
  const id = useId();

  useCartAnswer(state, (cart) => {
    setCart(cart);
    openDrawer();
  });

  // An answer about another variant (the shopper changed their choice since) is not shown.
  const answer = state.variantId === variantId ? state : IDLE_CART_FORM;
  const quantityError = answer.status === "error" && answer.field === "quantity" ? answer.message : null;
  const otherError = answer.status === "error" && answer.field !== "quantity" ? answer.message : null;
  const max = purchase.ok ? purchase.maxQuantity : 1;

  return (
    <form
      action={formAction}
      // The drawer opens with the answer: its code is fetched while the shopper reaches for the button.
      onPointerEnter={() => void preloadCartContents()}
      onFocus={() => void preloadCartContents()}
      className="flex flex-col gap-3"
      aria-label="Add to cart"
    >
      <input type="hidden" name="variantId" value={variantId ?? ""} />
      <input type="hidden" name="returnTo" value={productUrl} />
      <input type="hidden" name="enhanced" value={hydrated ? "1" : "0"} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${id}-quantity`} className="text-sm font-medium text-ink">
            Quantity
          </label>
          <input
            id={`${id}-quantity`}
            name="quantity"
            type="number"
            inputMode="numeric"
            min={1}
            max={max}
            required
            value={quantity}
            onChange={(event) => setQuantity(event.target.value)}
            disabled={!purchase.ok}
            aria-invalid={quantityError ? true : undefined}
            aria-describedby={quantityError ? `${id}-quantity-error` : undefined}
            className={`${inputStyles(Boolean(quantityError))} w-24`}
          />
        </div>
        <Button
          type="submit"
          size="lg"
          // Still focusable while the item is being added, so focus can come back here from the drawer.
          disabled={!purchase.ok}
          aria-disabled={pending || undefined}
          onClick={(event) => {
            if (pending) event.preventDefault();
          }}
          aria-describedby={purchase.ok ? undefined : `${id}-reason`}
          className="min-w-48 flex-1 sm:flex-none"
        >
          {pending ? "Adding…" : "Add to cart"}
        </Button>
      </div>
      {!purchase.ok && (
        <p id={`${id}-reason`} className="text-sm text-ink-muted">
          {purchase.reason}
        </p>
      )}
      {quantityError && (
        <p id={`${id}-quantity-error`} role="alert" className="text-sm font-medium text-sale">
          {quantityError}
        </p>
      )}
      {otherError && (
        <p role="alert" className="text-sm font-medium text-sale">
          {otherError}
        </p>
      )}
      <p role="status" className="sr-only">
        {answer.status === "done" ? answer.message : ""}
      </p>
    </form>
  );
}
