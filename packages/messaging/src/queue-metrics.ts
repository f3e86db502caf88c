// The depth of the command queues a worker consumes, read from the broker at each scrape: commands
// ready for a consumer, waiting out a retry delay, and dead-lettered. A growing ready count is workers
// falling behind; anything dead-lettered needs a person. Labelled by queue (a fixed set of names) and
// state (three values), never by message.
import { Gauge, type Registry } from "prom-client";
import type { CommandBus } from "./ports";

const measured = new WeakMap<Registry, Map<string, CommandBus>>();

export function measureCommandQueues(
  registry: Registry,
  commands: CommandBus,
  queues: readonly string[],
): void {
  let byQueue = measured.get(registry);
  if (!byQueue) {
    const watched = new Map<string, CommandBus>();
    byQueue = watched;
    measured.set(registry, watched);
    new Gauge({
      name: "command_queue_messages",
      help: "Commands in a queue by state: ready, retrying (waiting out a delay) or dead (dead-lettered)",
      labelNames: ["queue", "state"],
      registers: [registry],
      async collect() {
        await Promise.all(
          [...watched].map(async ([queue, bus]) => {
            // A broker that does not answer leaves the last reading; its outage shows elsewhere.
            const depth = await bus.depth(queue).catch(() => null);
            if (!depth) return;
            this.set({ queue, state: "ready" }, depth.ready);
            this.set({ queue, state: "retrying" }, depth.retrying);
            this.set({ queue, state: "dead" }, depth.dead);
          }),
        );
      },
    });
  }
  for (const queue of queues) byQueue.set(queue, commands);
}
