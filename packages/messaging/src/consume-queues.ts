// A worker takes several command queues the same way: one consumer per queue, the same concurrency for
// each, started in the order given (so a failure to start leaves the earlier ones to be stopped).
import type { CommandBus, MessageHandler, Subscription } from "./ports";

export async function consumeQueues(
  commands: CommandBus,
  handlers: Readonly<Record<string, MessageHandler>>,
  concurrency: number,
): Promise<Subscription[]> {
  const subscriptions: Subscription[] = [];
  for (const [queue, handle] of Object.entries(handlers))
    subscriptions.push(await commands.consume({ queue, handle, concurrency }));
  return subscriptions;
}
