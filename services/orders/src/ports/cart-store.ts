// What carts need from storage: a cart and its lines, each change of a line written together with the
// cart's new expiry, and — when a shopper signs in — one transaction, holding that shopper's cart lock,
// in which a guest cart joins theirs.
export interface CartRecord {
  id: string;
  expiresAt: Date;
  /** The order the cart became at checkout; null while it is open. */
  convertedOrderId: string | null;
}

export interface CartLineRecord {
  id: string;
  cartId: string;
  variantId: string;
  sku: string;
  title: string;
  quantity: number;
  /** The price when the line was added (a snapshot). */
  unitPrice: number;
  currency: string;
  createdAt: Date;
}

export type NewCartLine = Omit<CartLineRecord, "createdAt">;

export interface CartStore {
  cart(cartId: string): Promise<CartRecord | null>;
  createCart(cart: { id: string; currency: string; expiresAt: Date }): Promise<void>;
  line(cartId: string, variantId: string): Promise<CartLineRecord | null>;
  lineCount(cartId: string): Promise<number>;
  /** The cart's lines, oldest first. */
  lines(cartId: string): Promise<CartLineRecord[]>;
  /** Adds the line — or, when the cart has that variant already, sets its quantity — and the expiry. */
  putLine(line: NewCartLine, cartExpiresAt: Date): Promise<void>;
  setLineQuantity(line: { id: string; cartId: string }, quantity: number, cartExpiresAt: Date): Promise<void>;
  removeLine(line: { id: string; cartId: string }, cartExpiresAt: Date): Promise<void>;
  /** Runs `fn` in one transaction that holds `customerId`'s cart lock (one sign-in at a time). */
  claim<T>(customerId: string, fn: (tx: CartClaimSession) => Promise<T>): Promise<T>;
}

/** The statements of one sign-in's cart transaction; "open" carts are neither expired at `now` nor checked out. */
export interface CartClaimSession {
  /** The id of the customer's most recently updated open cart; null when they have none. */
  openCartOf(customerId: string, now: Date): Promise<string | null>;
  /** The open cart with its lines if it is a guest's or already the customer's; null otherwise. */
  openGuestCart(
    cartId: string,
    customerId: string,
    now: Date,
  ): Promise<{ id: string; lines: CartLineRecord[] } | null>;
  assign(cartId: string, customerId: string): Promise<void>;
  lines(cartId: string): Promise<CartLineRecord[]>;
  setQuantity(cartId: string, variantId: string, quantity: number): Promise<void>;
  addLine(line: CartLineRecord): Promise<void>;
  deleteCart(cartId: string): Promise<void>;
  /** Marks the cart as updated at `now`. */
  touch(cartId: string, now: Date): Promise<void>;
}
