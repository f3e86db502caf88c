// How far behind a process's consumers are, read from the brokers at each scrape. Labels are fixed sets
// of names (queues, groups, topics, partitions, three states), never ids.
// - Command queues a worker consumes: commands ready for a consumer, waiting out a retry delay, and
//   dead-lettered. A growing ready count is workers falling behind; anything dead needs a person.
// - Event consumer groups: events published but not yet handled, per topic and partition; and the dead
//   letters kept for each consumed topic (`<topic>.dlq`), which need a person.
import { Gauge, type Registry } from "prom-client";
import type { CommandBus, EventBus } from "./ports";

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

/**
 * A consumer group of one process instance (every instance sees every event): `role` plus what makes it
 * unique. Its lag is labelled by `role` alone — a label per instance would be a new series at every
 * restart.
 */
export function instanceGroup(role: string): string {
  return `${role}@${process.pid}-${Date.now()}`;
}

/**
 * The lag of every consumer group subscribed through `events`, as `event_consumer_lag_messages`, and the
 * dead letters kept for the topics they consume, as `event_dead_letter_messages`. (The
 * development host shares one in-process bus among its services, so there each service's registry
 * shows every group; a deployed process has a bus of its own.)
 */
export function measureConsumerLag(registry: Registry, events: EventBus): void {
  if (registry.getSingleMetric("event_consumer_lag_messages")) return;
  new Gauge({
    name: "event_consumer_lag_messages",
    help: "Events published but not yet handled by a consumer group, per topic and partition",
    labelNames: ["group", "topic", "partition"],
    registers: [registry],
    async collect() {
      const lags = await events.consumerLag().catch(() => null);
      if (!lags) return; // the broker did not answer: the last reading stays
      for (const l of lags)
        this.set(
          { group: l.group.split("@")[0] ?? l.group, topic: l.topic, partition: String(l.partition) },
          l.lag,
        );
    },
  });
  new Gauge({
    name: "event_dead_letter_messages",
    help: "Events that failed every attempt and wait in <topic>.dlq for a person, per consumed topic",
    labelNames: ["topic"],
    registers: [registry],
    async collect() {
      const backlog = await events.deadLetterBacklog().catch(() => null);
      if (!backlog) return; // the broker did not answer: the last reading stays
      for (const b of backlog) this.set({ topic: b.topic }, b.messages);
    },
  });
}
