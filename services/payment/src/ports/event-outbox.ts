// Where a use case leaves the events it tells the shop: the service's outbox, so they leave through the
// relay like every other event, in the order they were written, and survive a crash before sending.
import type { OutboxMessage } from "@emporium/messaging";

export interface EventOutbox {
  /** Records the messages for the relay, in order. */
  append(messages: readonly OutboxMessage[]): Promise<void>;
}
