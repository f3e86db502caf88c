// The embedded purchase ledger of `npm run dev` and the unit tests: orders seen and products received,
// in maps, held to the same contract as the Mongo ledger.
import type { PlacedOrder, PurchaseLedger } from "../../ports/purchase-ledger";

export class MemoryPurchaseLedger implements PurchaseLedger {
  private readonly orders = new Map<string, PlacedOrder>();
  /** `${customerId}\u0000${productId}` → the orders that delivered it. */
  private readonly received = new Map<string, Set<string>>();

  async recordOrder(order: PlacedOrder): Promise<void> {
    this.orders.set(order.orderId, { ...order, productIds: [...order.productIds] });
  }

  async findOrder(orderId: string): Promise<PlacedOrder | null> {
    const order = this.orders.get(orderId);
    return order ? { ...order, productIds: [...order.productIds] } : null;
  }

  async recordPurchases(customerId: string, productIds: readonly string[], orderId: string): Promise<void> {
    for (const productId of productIds) {
      const key = `${customerId}\u0000${productId}`;
      const orders = this.received.get(key) ?? new Set<string>();
      orders.add(orderId);
      this.received.set(key, orders);
    }
  }

  async hasReceived(customerId: string, productId: string): Promise<boolean> {
    return this.received.has(`${customerId}\u0000${productId}`);
  }
}
