// Being told that an order may have changed, so a live status stream reads it again.
export interface OrderChangeFeed {
  /** Calls `onChange` whenever the order may have changed; returns the unsubscribe function. */
  subscribe(orderId: string, onChange: () => void): () => void;
}
