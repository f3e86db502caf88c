// Where messages go. Events: one Kafka topic per aggregate. Commands: one RabbitMQ queue per command.
export const TOPICS = {
  orders: "orders",
  inventory: "inventory",
  payments: "payments",
  fulfillment: "fulfillment",
  catalog: "catalog",
  reviews: "reviews",
  /** Staff changes, from every service that lets staff change anything, for the audit log. */
  audit: "audit",
} as const;
export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

export const QUEUES = {
  inventoryReserve: "inventory.reserve",
  inventoryRelease: "inventory.release",
  inventoryCommit: "inventory.commit",
  /** Units a refund took back, put on hand again at the location staff chose. */
  inventoryRestock: "inventory.restock",
  paymentAuthorize: "payment.authorize",
  paymentCapture: "payment.capture",
  paymentRefund: "payment.refund",
  fulfillmentShip: "fulfillment.ship",
} as const;
export type Queue = (typeof QUEUES)[keyof typeof QUEUES];
