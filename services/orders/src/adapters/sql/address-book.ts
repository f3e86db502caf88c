// The AddressBook port on the orders schema through Prisma: saved addresses are rows of the addresses
// table of kind "saved" that belong to a customer and to no order. Saving runs in an interactive
// transaction that first takes the account's advisory lock.
import type { Database, Prisma } from "@emporium/db";
import type { AddressBook, LockedAddressBook } from "../../ports/address-book";

const SAVED = "saved";

export function sqlAddressBook(db: Database): AddressBook {
  return {
    list: (customerId) =>
      db.prisma.address.findMany({
        where: { customerId, kind: SAVED, orderId: null },
        orderBy: { createdAt: "desc" },
      }),

    edit: (customerId, fn) =>
      db.prisma.$transaction(async (tx) => {
        // One writer per account at a time, so the caller's checks hold under double submits.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`address-book:${customerId}`}))`;
        return fn(lockedBook(tx, customerId));
      }),

    async remove(customerId, id) {
      const removed = await db.prisma.address.deleteMany({
        where: { id, customerId, kind: SAVED, orderId: null },
      });
      return removed.count > 0;
    },
  };
}

function lockedBook(tx: Prisma.TransactionClient, customerId: string): LockedAddressBook {
  return {
    entries: () => tx.address.findMany({ where: { customerId, kind: SAVED, orderId: null } }),
    add: (address) =>
      tx.address.create({
        data: {
          id: address.id,
          customerId,
          kind: SAVED,
          name: address.name,
          line1: address.line1,
          line2: address.line2,
          city: address.city,
          region: address.region,
          postalCode: address.postalCode,
          country: address.country,
          phone: address.phone,
        },
      }),
  };
}
