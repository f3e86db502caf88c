// Round-trip check of RabbitMQ (run by ensure_rabbitmq): durable quorum queue, persistent message with a
// publisher confirm, get + ack. Usage: node verify-amqp.mjs [amqp-url]
import { deadline, tool, toolVersion } from "./tools.mjs";

deadline(60, "RabbitMQ check");
const amqp = tool("amqplib");
const url = process.argv[2] ?? "amqp://guest:guest@127.0.0.1:5672";
const queue = `emporium-ci-verify-${process.pid}`;
const body = `ok-${Date.now()}`;

const conn = await amqp.connect(url);
const server = conn.connection.serverProperties;
const ch = await conn.createConfirmChannel();
const declared = await ch.assertQueue(queue, { durable: true, arguments: { "x-queue-type": "quorum" } });
ch.sendToQueue(queue, Buffer.from(body), { persistent: true });
await ch.waitForConfirms();

let msg = false;
for (let i = 0; i < 50 && !msg; i++) {
  msg = await ch.get(queue, { noAck: false });
  if (!msg) await new Promise((r) => setTimeout(r, 100));
}
if (!msg || msg.content.toString() !== body) throw new Error(`quorum queue returned ${msg && msg.content}`);
ch.ack(msg);
await ch.deleteQueue(queue);
await ch.close();
await conn.close();
console.log(
  `amqplib ${toolVersion("amqplib")} -> ${server.product} ${server.version}: quorum queue declared ` +
    `(${declared.queue}), persistent publish confirmed, get/ack ok`,
);
