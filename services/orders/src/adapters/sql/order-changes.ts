// Live order updates: every timeline insert NOTIFYs "orders_order_changed" with the order id; one
// LISTEN per process fans the notifications out to the open status streams of that order. Works the
// same on PostgreSQL (across instances) and on the embedded PGlite.
import { EventEmitter } from "node:events";
import type { Database } from "@emporium/db";
import type { OrderChangeFeed } from "../../ports/order-changes";

export const ORDER_CHANGED_CHANNEL = "orders_order_changed";

export class OrderChanges implements OrderChangeFeed {
  private readonly emitter = new EventEmitter();
  private unlisten: (() => Promise<void>) | null = null;

  constructor(private readonly db: Database) {
    this.emitter.setMaxListeners(0);
  }

  async start(): Promise<void> {
    this.unlisten = await this.db.listen(
      ORDER_CHANGED_CHANNEL,
      (orderId) => this.emitter.emit(orderId),
      // Changes notified while the LISTEN connection was down were lost: every open stream re-reads.
      () => this.changedAll(),
    );
  }

  /** Tells every open stream that its order may have changed. */
  private changedAll(): void {
    for (const orderId of this.emitter.eventNames()) this.emitter.emit(orderId);
  }

  /** Calls `onChange` whenever the order changes; returns the unsubscribe function. */
  subscribe(orderId: string, onChange: () => void): () => void {
    this.emitter.on(orderId, onChange);
    return () => this.emitter.off(orderId, onChange);
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    this.emitter.removeAllListeners();
  }
}
