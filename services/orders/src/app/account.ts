// A signed-in shopper's own things: their orders, their saved addresses, and their cart following
// them. Every query is scoped to the user id of the caller's verified token — never an id from the
// input — and another account's order or address answers exactly like one that does not exist.
import { randomUUID } from "node:crypto";
import { UnauthenticatedError, type Principal } from "@emporium/auth";
import { MAX_LINE_QUANTITY, type Address, type OrderStatusName } from "@emporium/contracts";
import { InvalidInputError, NotFoundError } from "@emporium/service-kit/errors";
import { orderToken, signCart, verifyCart } from "../domain/tokens";
import { MAX_LINES } from "./cart-service";
import { loadOrderView } from "./order-queries";
import type { AddressBook, AddressRecord } from "../ports/address-book";
import type { CartStore } from "../ports/cart-store";
import type { OrderReadModel } from "../ports/order-read-model";
import type { OrderView } from "./views";

export const MAX_SAVED_ADDRESSES = 20;

/** The signed-in person behind a call (staff may shop too); anonymous callers are told to sign in. */
export function accountHolder(principal: Principal): string {
  if (principal.kind === "anonymous") throw new UnauthenticatedError("Sign in to see your account");
  return principal.userId;
}

export interface MyOrderRow {
  number: string;
  status: OrderStatusName;
  currency: string;
  total: number;
  itemCount: number;
  createdAt: string;
  /** Opens the live order page. */
  orderId: string;
  accessToken: string;
}

export interface MyOrderPage {
  items: MyOrderRow[];
  page: number;
  pageCount: number;
  total: number;
}

export async function myOrders(
  orders: OrderReadModel,
  secret: Buffer,
  userId: string,
  page: number,
  limit: number,
): Promise<MyOrderPage> {
  const { total, rows } = await orders.customerOrders(userId, { offset: (page - 1) * limit, limit });
  return {
    items: rows.map((o) => ({
      number: o.number,
      status: o.status,
      currency: o.currency,
      total: o.total,
      itemCount: o.itemCount,
      createdAt: o.createdAt.toISOString(),
      orderId: o.id,
      accessToken: orderToken(secret, o.id),
    })),
    page,
    pageCount: Math.max(1, Math.ceil(total / limit)),
    total,
  };
}

export async function myOrder(
  orders: OrderReadModel,
  secret: Buffer,
  userId: string,
  number: string,
): Promise<OrderView & { accessToken: string }> {
  const orderId = await orders.customerOrderId(userId, number);
  const view = orderId && (await loadOrderView(orders, orderId));
  if (!view) throw new NotFoundError(`You have no order ${number}`);
  return { ...view, accessToken: orderToken(secret, view.id) };
}

export interface SavedAddress extends Address {
  id: string;
}

function savedAddressOf(row: AddressRecord): SavedAddress {
  return {
    id: row.id,
    name: row.name,
    line1: row.line1,
    ...(row.line2 ? { line2: row.line2 } : {}),
    city: row.city,
    ...(row.region ? { region: row.region } : {}),
    postalCode: row.postalCode,
    country: row.country,
    ...(row.phone ? { phone: row.phone } : {}),
  };
}

export async function myAddresses(addresses: AddressBook, userId: string): Promise<SavedAddress[]> {
  const rows = await addresses.list(userId);
  return rows.map(savedAddressOf);
}

/** Saves an address to the book; the same address twice is kept once. */
export async function saveAddress(
  addresses: AddressBook,
  userId: string,
  address: Address,
): Promise<SavedAddress> {
  // One writer per account at a time (the book's lock), so the cap below holds under double submits.
  return addresses.edit(userId, async (tx) => {
    const book = await tx.entries();
    const same = book.find(
      (a) =>
        a.name === address.name &&
        a.line1 === address.line1 &&
        (a.line2 ?? undefined) === address.line2 &&
        a.city === address.city &&
        a.postalCode === address.postalCode &&
        a.country === address.country,
    );
    if (same) return savedAddressOf(same);
    if (book.length >= MAX_SAVED_ADDRESSES)
      throw new InvalidInputError(
        "address",
        `you can keep at most ${MAX_SAVED_ADDRESSES} addresses; remove one first`,
      );
    const row = await tx.add({
      id: randomUUID(),
      name: address.name,
      line1: address.line1,
      line2: address.line2 ?? null,
      city: address.city,
      region: address.region ?? null,
      postalCode: address.postalCode,
      country: address.country,
      phone: address.phone ?? null,
    });
    return savedAddressOf(row);
  });
}

export async function removeAddress(addresses: AddressBook, userId: string, id: string): Promise<void> {
  if (!(await addresses.remove(userId, id))) throw new NotFoundError("You have no such saved address");
}

/**
 * Signing in with a guest cart: the shopper's open cart (from an earlier visit, perhaps on another
 * device) takes the guest cart's lines — quantities added, capped per line — or, when they have
 * none, the guest cart becomes theirs. Returns the token of the cart to use from now on, or null
 * when there is no cart at all. A guest token that is forged, expired or checked out is ignored.
 */
export async function claimCart(
  carts: CartStore,
  secret: Buffer,
  userId: string,
  guestToken: string | undefined,
  now = new Date(),
): Promise<{ cartToken: string | null; merged: number }> {
  // One sign-in per shopper at a time (the store's lock on the shopper's carts).
  return carts.claim(userId, async (tx) => {
    const own = await tx.openCartOf(userId, now);
    const guestId = guestToken ? verifyCart(secret, guestToken) : null;
    const guest = guestId && guestId !== own ? await tx.openGuestCart(guestId, userId, now) : null;
    if (!own && !guest) return { cartToken: null, merged: 0 };
    if (!own && guest) {
      await tx.assign(guest.id, userId);
      return { cartToken: signCart(secret, guest.id), merged: 0 };
    }
    const target = own ?? "";
    let merged = 0;
    if (guest) {
      const lines = await tx.lines(target);
      for (const line of guest.lines) {
        const existing = lines.find((l) => l.variantId === line.variantId);
        if (existing) {
          await tx.setQuantity(
            target,
            line.variantId,
            Math.min(MAX_LINE_QUANTITY, existing.quantity + line.quantity),
          );
        } else if (lines.length < MAX_LINES) {
          await tx.addLine({ ...line, id: randomUUID(), cartId: target });
          lines.push(line);
        } else continue;
        merged++;
      }
      // The guest cart is spent: its lines live on in the shopper's cart.
      await tx.deleteCart(guest.id);
      await tx.touch(target, now);
    }
    return { cartToken: signCart(secret, target), merged };
  });
}
