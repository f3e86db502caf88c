// The CartStore port on the orders schema through Prisma. A line's change and the cart's new expiry
// go together in one batch transaction; a sign-in's claim runs in an interactive transaction that
// first takes the shopper's advisory lock.
import type { Database, Prisma } from "@emporium/db";
import type { CartClaimSession, CartStore } from "../../ports/cart-store";

export function sqlCartStore(db: Database): CartStore {
  const touch = (cartId: string, expiresAt: Date) =>
    db.prisma.cart.update({ where: { id: cartId }, data: { expiresAt } });
  return {
    cart: (id) =>
      db.prisma.cart.findUnique({
        where: { id },
        select: { id: true, expiresAt: true, convertedOrderId: true },
      }),

    async createCart(cart) {
      await db.prisma.cart.create({
        data: { id: cart.id, currency: cart.currency, expiresAt: cart.expiresAt },
      });
    },

    line: (cartId, variantId) =>
      db.prisma.cartLine.findUnique({ where: { cartId_variantId: { cartId, variantId } } }),

    lineCount: (cartId) => db.prisma.cartLine.count({ where: { cartId } }),

    lines: (cartId) => db.prisma.cartLine.findMany({ where: { cartId }, orderBy: { createdAt: "asc" } }),

    async putLine(line, cartExpiresAt) {
      await db.prisma.$transaction([
        db.prisma.cartLine.upsert({
          where: { cartId_variantId: { cartId: line.cartId, variantId: line.variantId } },
          create: {
            id: line.id,
            cartId: line.cartId,
            variantId: line.variantId,
            sku: line.sku,
            title: line.title,
            quantity: line.quantity,
            unitPrice: line.unitPrice,
            currency: line.currency,
          },
          update: { quantity: line.quantity },
        }),
        touch(line.cartId, cartExpiresAt),
      ]);
    },

    async setLineQuantity(line, quantity, cartExpiresAt) {
      await db.prisma.$transaction([
        db.prisma.cartLine.update({ where: { id: line.id }, data: { quantity } }),
        touch(line.cartId, cartExpiresAt),
      ]);
    },

    async removeLine(line, cartExpiresAt) {
      await db.prisma.$transaction([
        db.prisma.cartLine.delete({ where: { id: line.id } }),
        touch(line.cartId, cartExpiresAt),
      ]);
    },

    claim: (customerId, fn) =>
      db.prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`cart-of:${customerId}`}))`;
        return fn(claimSession(tx));
      }),
  };
}

function claimSession(tx: Prisma.TransactionClient): CartClaimSession {
  const open = (now: Date) => ({ convertedOrderId: null, expiresAt: { gt: now } });
  return {
    async openCartOf(customerId, now) {
      const own = await tx.cart.findFirst({
        where: { customerId, ...open(now) },
        orderBy: { updatedAt: "desc" },
        select: { id: true },
      });
      return own?.id ?? null;
    },
    openGuestCart: (cartId, customerId, now) =>
      tx.cart.findFirst({
        where: { id: cartId, ...open(now), OR: [{ customerId: null }, { customerId }] },
        select: { id: true, lines: true },
      }),
    async assign(cartId, customerId) {
      await tx.cart.update({ where: { id: cartId }, data: { customerId } });
    },
    lines: (cartId) => tx.cartLine.findMany({ where: { cartId } }),
    async setQuantity(cartId, variantId, quantity) {
      await tx.cartLine.update({
        where: { cartId_variantId: { cartId, variantId } },
        data: { quantity },
      });
    },
    async addLine(line) {
      await tx.cartLine.create({ data: line });
    },
    async deleteCart(cartId) {
      await tx.cart.delete({ where: { id: cartId } });
    },
    async touch(cartId, now) {
      await tx.cart.update({ where: { id: cartId }, data: { updatedAt: now } });
    },
  };
}
