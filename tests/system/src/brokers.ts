// A clean slate on the shared brokers before a stack starts: the platform's topics, consumer groups
// and queues from earlier runs are deleted, so old messages cannot leak into this run.
import amqp from "amqplib";
import { Kafka, logLevel } from "kafkajs";
import { QUEUES, TOPICS } from "@emporium/contracts";
import { waitFor } from "@emporium/testkit";

const GROUPS = ["orders-saga", "catalog-stock"];
const RETRY_DELAYS_MS = [
  500, 2_000, 8_000, 30_000, 1_000, 5_000, 15_000, 60_000, 300_000, 600_000, 1_800_000, 3_600_000,
];

export async function resetBrokers(kafkaBrokers: string[], amqpUrl: string): Promise<void> {
  const kafka = new Kafka({ clientId: "system-tests", brokers: kafkaBrokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const ours = Object.values(TOPICS)
      .flatMap((t) => [t, `${t}.dlq`])
      .filter((t) => existing.has(t));
    const groups = (await admin.listGroups()).groups
      .map((g) => g.groupId)
      .filter((g) => GROUPS.includes(g) || g.startsWith("orders-payment-status-"));
    if (groups.length > 0) await admin.deleteGroups(groups).catch(() => undefined);
    if (ours.length > 0) {
      await admin.deleteTopics({ topics: ours, timeout: 30_000 });
      await waitFor(async () => (await admin.listTopics()).every((t) => !ours.includes(t)), {
        timeoutMs: 60_000,
        what: "old topics to be deleted",
      });
    }
  } finally {
    await admin.disconnect();
  }
  const connection = await amqp.connect(amqpUrl);
  try {
    for (const q of Object.values(QUEUES))
      for (const name of [q, `${q}.dlq`, ...RETRY_DELAYS_MS.map((d) => `${q}.retry.${d}ms`)]) {
        // A failed delete closes its channel, so each gets its own.
        const channel = await connection.createChannel();
        channel.on("error", () => undefined);
        await channel.deleteQueue(name).catch(() => undefined);
        await channel.close().catch(() => undefined);
      }
  } finally {
    await connection.close();
  }
}
