// What the service learns from the orders topic: which signed-in customer's order held which products,
// and which customers have received which products — the only shoppers who may review them.
export interface PlacedOrder {
  orderId: string;
  customerId: string;
  productIds: readonly string[];
}

export interface PurchaseLedger {
  /** Remembers a signed-in customer's order and its products (again: no change). */
  recordOrder(order: PlacedOrder): Promise<void>;
  /** The order remembered under `orderId`, or null (a guest's order, or one placed before this service). */
  findOrder(orderId: string): Promise<PlacedOrder | null>;
  /** The customer has received these products (again: no change). */
  recordPurchases(
    customerId: string,
    productIds: readonly string[],
    orderId: string,
    at: Date,
  ): Promise<void>;
  hasReceived(customerId: string, productId: string): Promise<boolean>;
}
