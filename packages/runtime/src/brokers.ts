// The real message brokers a standalone service process connects to. (The all-in-one development host
// builds the in-process buses itself and hands the same instances to every service.)
import { z } from "zod";
import {
  KafkaEventBus,
  RabbitCommandBus,
  type CommandBus,
  type EventBus,
  type KafkaEventBusOptions,
  type RetryPolicy,
} from "@emporium/messaging";
import { kafkaSecurityEnvShape } from "@emporium/config/kafka";
import type { Logger } from "@emporium/observability";

export const brokerEnv = {
  KAFKA_BROKERS: z
    .string()
    .regex(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, "must be host:port[,host:port…]")
    .transform((s) => s.split(",")),
  AMQP_URL: z.string().regex(/^amqps?:\/\//, "must be an amqp:// URL"),
};

/** Both brokers of a standalone service that sends commands and events: their addresses and Kafka's TLS/SASL. */
export const brokersEnvShape = {
  KAFKA_BROKERS: brokerEnv.KAFKA_BROKERS.describe("Kafka brokers for events, host:port[,host:port…]."),
  ...kafkaSecurityEnvShape,
  AMQP_URL: brokerEnv.AMQP_URL.describe("RabbitMQ for commands, amqp://user:password@host:5672."),
};

export interface Brokers {
  events: EventBus;
  commands: CommandBus;
  close(): Promise<void>;
}

export async function connectBrokers(options: {
  service: string;
  kafkaBrokers: string[];
  /** TLS and SASL to the Kafka brokers (kafkaSecurityOf in @emporium/config/kafka). */
  kafkaSecurity?: Pick<KafkaEventBusOptions, "ssl" | "sasl">;
  amqpUrl: string;
  log: Logger;
  retryByQueue?: Readonly<Record<string, RetryPolicy>>;
}): Promise<Brokers> {
  const events = new KafkaEventBus({
    brokers: options.kafkaBrokers,
    clientId: options.service,
    log: options.log,
    ...options.kafkaSecurity,
  });
  const commands = await RabbitCommandBus.connect({
    url: options.amqpUrl,
    log: options.log,
    ...(options.retryByQueue ? { retryByQueue: options.retryByQueue } : {}),
  });
  return {
    events,
    commands,
    async close() {
      await commands.close();
      await events.close();
    },
  };
}
