// What TLS changes on the wire for the two brokers: the first byte each client sends a "broker" (a TCP
// server that only records it). Kafka with `ssl` (KAFKA_SSL) and RabbitMQ at an amqps:// URL open a TLS
// handshake (a handshake record, 0x16); otherwise Kafka sends a request (a 4-byte size, starting 0x00)
// and AMQP its protocol header ("AMQP…"). The certificate checks themselves are Node's (tested over
// real TLS with Redis and PostgreSQL); SASL is layered inside the Kafka connection and needs a broker
// that speaks Kafka — the variables that set it are tested in @emporium/config (kafka.test.ts).
import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { KafkaEventBus, RabbitCommandBus } from "../src";
import { log } from "./helpers";

let server: Server | undefined;

/** A listener on a free port, resolving `first` with the first byte any client sends it. */
async function recordingBroker(): Promise<{ port: number; first: Promise<number> }> {
  let resolveFirst: (byte: number) => void = () => undefined;
  const first = new Promise<number>((resolve) => (resolveFirst = resolve));
  const listening = createServer((socket) => {
    socket.once("data", (chunk: Buffer) => {
      resolveFirst(chunk[0] ?? -1);
      socket.destroy();
    });
    socket.on("error", () => undefined);
  });
  server = listening;
  await new Promise<void>((resolve) => listening.listen(0, "127.0.0.1", resolve));
  const address = listening.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return { port: address.port, first };
}

/** The first byte a KafkaEventBus built with `ssl` sends when it first needs its broker. */
async function kafkaFirstByte(ssl: boolean): Promise<number> {
  const broker = await recordingBroker();
  const bus = new KafkaEventBus({ brokers: [`127.0.0.1:${broker.port}`], clientId: "tls-test", log, ssl });
  // (It fails once the bus is closed, after the client's own retries: nothing waits for that.)
  void bus.ensureTopics(["tls-test"]).catch(() => undefined);
  try {
    return await broker.first;
  } finally {
    await bus.close();
  }
}

/** The first byte a RabbitCommandBus sends its broker at `scheme`://127.0.0.1:<port>. */
async function amqpFirstByte(scheme: "amqp" | "amqps"): Promise<number> {
  const broker = await recordingBroker();
  const bus = await RabbitCommandBus.connect({
    url: `${scheme}://guest:guest@127.0.0.1:${broker.port}`,
    log,
  });
  try {
    return await broker.first;
  } finally {
    await bus.close();
  }
}

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

describe("KafkaEventBus connection security", () => {
  it("opens every broker connection with a TLS handshake when ssl is set", async () => {
    expect(await kafkaFirstByte(true)).toBe(0x16);
  });

  it("speaks Kafka in the clear otherwise", async () => {
    expect(await kafkaFirstByte(false)).toBe(0x00);
  });
});

describe("RabbitCommandBus connection security", () => {
  it("opens the connection with a TLS handshake at an amqps:// URL", async () => {
    expect(await amqpFirstByte("amqps")).toBe(0x16);
  });

  it("speaks AMQP in the clear at an amqp:// URL", async () => {
    expect(await amqpFirstByte("amqp")).toBe("A".charCodeAt(0));
  });
});
