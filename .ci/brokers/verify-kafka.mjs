// Round-trip check of the CI Kafka broker with kafkajs (run by ensure_kafka): create a topic, produce with
// an idempotent producer, commit one transaction and abort another, then consume with read_committed and
// expect exactly the committed messages. Usage: node verify-kafka.mjs [host:port]
import { deadline, tool, toolVersion } from "./tools.mjs";

deadline(120, "Kafka check");
const { Kafka, logLevel } = tool("kafkajs");
const broker = process.argv[2] ?? "127.0.0.1:9092";
// Retriable errors (a coordinator still loading on a fresh broker, …) are logged by kafkajs at ERROR
// level although it retries them; only the outcome counts here. CI_VERIFY_DEBUG=1 shows them.
const kafka = new Kafka({
  clientId: "emporium-ci-verify",
  brokers: [broker],
  logLevel: process.env.CI_VERIFY_DEBUG ? logLevel.DEBUG : logLevel.NOTHING,
});
const topic = `emporium-ci-verify-${Date.now()}`;
const run = `${process.pid}-${Date.now()}`;

const admin = kafka.admin();
await admin.connect();
const cluster = await admin.describeCluster();
await admin.createTopics({
  topics: [{ topic, numPartitions: 3, replicationFactor: 1 }],
  waitForLeaders: true,
});

const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
await producer.connect();
await producer.send({ topic, acks: -1, messages: [{ key: "a", value: `idempotent-${run}` }] });
await producer.disconnect();

const txProducer = kafka.producer({
  transactionalId: `emporium-ci-verify-${run}`,
  idempotent: true,
  maxInFlightRequests: 1,
});
await txProducer.connect();
const committed = await txProducer.transaction();
await committed.send({ topic, messages: [{ key: "b", value: `committed-${run}` }] });
await committed.commit();
const aborted = await txProducer.transaction();
await aborted.send({ topic, messages: [{ key: "b", value: `aborted-${run}` }] });
await aborted.abort();
await txProducer.disconnect();

const expected = new Set([`idempotent-${run}`, `committed-${run}`]);
const seen = [];
const consumer = kafka.consumer({
  groupId: `emporium-ci-verify-${run}`,
  readUncommitted: false,
  maxWaitTimeInMs: 250, // so that disconnect does not wait out a long fetch
});
await consumer.connect();
await consumer.subscribe({ topic, fromBeginning: true });
await new Promise((resolve) => {
  consumer.run({
    eachMessage: async ({ message }) => {
      seen.push(message.value.toString());
      if ([...expected].every((v) => seen.includes(v))) resolve();
    },
  });
});
// Read to the end of every partition: an aborted message must never show up under read_committed.
await new Promise((r) => setTimeout(r, 1000));
await consumer.disconnect();
if (seen.some((v) => v.startsWith("aborted-"))) throw new Error(`read_committed consumer saw ${seen}`);

await admin.deleteTopics({ topics: [topic] });
await admin.disconnect();
const brokers = cluster.brokers.map((b) => `${b.nodeId}@${b.host}:${b.port}`).join(",");
console.log(
  `kafkajs ${toolVersion("kafkajs")} -> cluster ${cluster.clusterId} (brokers ${brokers}, controller ` +
    `${cluster.controller}): topic created, idempotent produce, transaction commit + abort, ` +
    `read_committed consume of ${seen.length} messages ok`,
);
