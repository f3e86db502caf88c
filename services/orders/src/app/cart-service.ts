// Guest carts. A cart is addressed by a signed token (see domain/tokens.ts) that the storefront keeps in
// an httpOnly cookie; lines hold the price seen when they were added (a snapshot), and every read adds
// the catalog's current stock and price as hints — degrading to the snapshot when the catalog is down.
import { randomUUID } from "node:crypto";
import { MAX_LINE_QUANTITY, SHOP_CURRENCY } from "@emporium/contracts";
import type { Logger } from "@emporium/observability";
import { InvalidInputError, NotFoundError, UnavailableError } from "@emporium/service-kit/errors";
import { signCart, verifyCart } from "../domain/tokens";
import type { CartStore } from "../ports/cart-store";
import type { VariantInfo, VariantLookup } from "../ports/variant-lookup";
import type { CartView } from "./views";

export const MAX_LINES = 50;
const CART_TTL_MS = 30 * 24 * 3_600_000;
/** The shop sells in one currency; carts, orders and the sales figures use it. */

export interface CartDeps {
  store: CartStore;
  variants: VariantLookup;
  secret: Buffer;
  log: Logger;
  now?: () => Date;
}

export class CartService {
  constructor(private readonly d: CartDeps) {}

  private now(): Date {
    return this.d.now?.() ?? new Date();
  }

  /** The cart id behind a token: refuses forged tokens, unknown, expired and checked-out carts. */
  async open(token: string): Promise<{ id: string; expiresAt: Date }> {
    const id = verifyCart(this.d.secret, token);
    if (!id) throw new InvalidInputError("cartToken", "is not a cart this shop issued");
    const cart = await this.d.store.cart(id);
    if (!cart) throw new NotFoundError("That cart no longer exists; start a new one");
    if (cart.expiresAt < this.now()) throw new NotFoundError("Your cart expired; start a new one");
    if (cart.convertedOrderId) throw new InvalidInputError("cartToken", "this cart was already checked out");
    return cart;
  }

  async create(): Promise<string> {
    const id = randomUUID();
    await this.d.store.createCart({
      id,
      currency: SHOP_CURRENCY,
      expiresAt: new Date(this.now().getTime() + CART_TTL_MS),
    });
    return signCart(this.d.secret, id);
  }

  private async lookup(variantId: string): Promise<VariantInfo> {
    let found: VariantInfo[];
    try {
      found = await this.d.variants.variants([variantId]);
    } catch (err) {
      this.d.log.warn(
        { err: err instanceof Error ? err.message : String(err) },
        "catalog unavailable for add-to-cart",
      );
      throw new UnavailableError(
        "The catalog is not answering right now, so items cannot be added; please try again shortly",
      );
    }
    const variant = found[0];
    if (!variant) throw new InvalidInputError("variantId", "is not a product variant for sale");
    return variant;
  }

  /** Adds units of a variant (creating the cart when no token is given); returns the cart. */
  async addLine(token: string | undefined, variantId: string, quantity: number): Promise<CartView> {
    const cartToken = token ?? (await this.create());
    const cart = await this.open(cartToken);
    const variant = await this.lookup(variantId);
    // Every amount in a cart is in its currency: a price in another one would be summed and charged
    // as if it were (1000 JPY as $10.00).
    if (variant.currency !== SHOP_CURRENCY)
      throw new InvalidInputError(
        "variantId",
        `is priced in ${variant.currency}, and this shop sells in ${SHOP_CURRENCY} only`,
      );
    const existing = await this.d.store.line(cart.id, variantId);
    const wanted = (existing?.quantity ?? 0) + quantity;
    this.checkQuantity(wanted, variant);
    if (!existing && (await this.d.store.lineCount(cart.id)) >= MAX_LINES)
      throw new InvalidInputError("variantId", `a cart holds at most ${MAX_LINES} different items`);
    // A new line, or the existing one's quantity; either way the cart lives on from now.
    await this.d.store.putLine(
      {
        id: randomUUID(),
        cartId: cart.id,
        variantId,
        sku: variant.sku,
        title: `${variant.productTitle} — ${variant.title}`,
        quantity: wanted,
        unitPrice: variant.price,
        currency: variant.currency,
      },
      this.renewedExpiry(),
    );
    return this.view(cartToken);
  }

  /** Sets a line's quantity; 0 removes it. */
  async setQuantity(token: string, variantId: string, quantity: number): Promise<CartView> {
    const cart = await this.open(token);
    const line = await this.d.store.line(cart.id, variantId);
    if (!line) throw new InvalidInputError("variantId", "is not in this cart");
    if (quantity === 0) {
      await this.d.store.removeLine(line, this.renewedExpiry());
      return this.view(token);
    }
    if (quantity > line.quantity) this.checkQuantity(quantity, await this.lookup(variantId));
    else if (quantity > MAX_LINE_QUANTITY) this.checkQuantity(quantity, null);
    await this.d.store.setLineQuantity(line, quantity, this.renewedExpiry());
    return this.view(token);
  }

  private checkQuantity(quantity: number, variant: VariantInfo | null): void {
    if (quantity > MAX_LINE_QUANTITY)
      throw new InvalidInputError("quantity", `at most ${MAX_LINE_QUANTITY} of one item`);
    if (variant && variant.available <= 0)
      throw new InvalidInputError("quantity", `${variant.productTitle} (${variant.title}) is sold out`);
    if (variant && quantity > variant.available)
      throw new InvalidInputError(
        "quantity",
        `only ${variant.available} of ${variant.productTitle} (${variant.title}) left`,
      );
  }

  /** Every change keeps the cart for another full lifetime. */
  private renewedExpiry(): Date {
    return new Date(this.now().getTime() + CART_TTL_MS);
  }

  async view(token: string): Promise<CartView> {
    const cart = await this.open(token);
    const lines = await this.d.store.lines(cart.id);
    let live = new Map<string, VariantInfo>();
    let degraded = false;
    try {
      live = new Map((await this.d.variants.variants(lines.map((l) => l.variantId))).map((v) => [v.id, v]));
    } catch {
      degraded = lines.length > 0;
    }
    const viewLines = lines.map((l) => {
      const v = live.get(l.variantId);
      return {
        variantId: l.variantId,
        sku: l.sku,
        title: l.title,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        lineTotal: l.unitPrice * l.quantity,
        productSlug: v?.productSlug ?? null,
        image: v?.image ?? null,
        available: v ? v.available : null,
        currentPrice: v && v.price !== l.unitPrice ? v.price : null,
      };
    });
    return {
      token,
      currency: SHOP_CURRENCY,
      lines: viewLines,
      itemCount: viewLines.reduce((n, l) => n + l.quantity, 0),
      subtotal: viewLines.reduce((n, l) => n + l.lineTotal, 0),
      expiresAt: cart.expiresAt.toISOString(),
      degraded,
    };
  }
}
