// A worker takes several command queues the same way: one consumer per queue, the same concurrency for
// each, started in the order given (so a failure to start leaves the earlier ones to be stopped). With
// the process's registry, the queues' depths are measured too (consumer-metrics.ts).
import type { Registry } from "prom-client";
import type { CommandBus, MessageHandler, Subscription } from "./ports";
import { measureCommandQueues } from "./consumer-metrics";

export async function consumeQueues(
  commands: CommandBus,
  handlers: Readonly<Record<string, MessageHandler>>,
  concurrency: number,
  metrics?: Registry,
): Promise<Subscription[]> {
  if (metrics) measureCommandQueues(metrics, commands, Object.keys(handlers));
  const subscriptions: Subscription[] = [];
  for (const [queue, handle] of Object.entries(handlers))
    subscriptions.push(await commands.consume({ queue, handle, concurrency }));
  return subscriptions;
}
