// Purchases in MongoDB: the orders of signed-in customers as the orders topic announced them (one
// document per order, keyed by its id), and what each customer has received (one document per customer
// and product, by a unique index, listing the orders that delivered it). Every write is an upsert that
// a redelivered message repeats without changing anything.
import type { Collection } from "mongodb";
import type { PlacedOrder, PurchaseLedger } from "../../ports/purchase-ledger";
import { COLLECTIONS, isDuplicateKey, type MongoConnection } from "./mongo-connection";

interface OrderDoc {
  _id: string;
  customerId: string;
  productIds: string[];
  recordedAt: Date;
}

interface PurchaseDoc {
  customerId: string;
  productId: string;
  orderIds: string[];
  firstReceivedAt: Date;
}

/** Runs an upsert again once when a concurrent one inserted the same key first (the unique index). */
async function upsertOnce(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    await write();
  }
}

export class MongoPurchaseLedger implements PurchaseLedger {
  private readonly orders: Collection<OrderDoc>;
  private readonly purchases: Collection<PurchaseDoc>;

  constructor(private readonly mongo: MongoConnection) {
    this.orders = mongo.db.collection<OrderDoc>(COLLECTIONS.orders);
    this.purchases = mongo.db.collection<PurchaseDoc>(COLLECTIONS.purchases);
  }

  recordOrder(order: PlacedOrder): Promise<void> {
    return this.mongo.run(() =>
      upsertOnce(() =>
        this.orders.updateOne(
          { _id: order.orderId },
          {
            $setOnInsert: {
              customerId: order.customerId,
              productIds: [...order.productIds],
              recordedAt: new Date(),
            },
          },
          { upsert: true },
        ),
      ),
    );
  }

  findOrder(orderId: string): Promise<PlacedOrder | null> {
    return this.mongo.run(async () => {
      const doc = await this.orders.findOne({ _id: orderId });
      return doc ? { orderId: doc._id, customerId: doc.customerId, productIds: [...doc.productIds] } : null;
    });
  }

  recordPurchases(
    customerId: string,
    productIds: readonly string[],
    orderId: string,
    at: Date,
  ): Promise<void> {
    return this.mongo.run(async () => {
      for (const productId of productIds)
        await upsertOnce(() =>
          this.purchases.updateOne(
            { customerId, productId },
            { $setOnInsert: { firstReceivedAt: at }, $addToSet: { orderIds: orderId } },
            { upsert: true },
          ),
        );
    });
  }

  hasReceived(customerId: string, productId: string): Promise<boolean> {
    return this.mongo.run(async () => {
      const doc = await this.purchases.findOne({ customerId, productId }, { projection: { _id: 1 } });
      return doc !== null;
    });
  }
}
