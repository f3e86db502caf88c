export * from "./ports";
export * from "./retry";
export { dispatch, type Delivered, type Outcome } from "./dispatch";
export { InProcessEventBus } from "./in-process/in-process-event-bus";
export { InProcessCommandBus } from "./in-process/in-process-command-bus";
export { KafkaEventBus, type KafkaEventBusOptions } from "./kafka/kafka-event-bus";
export { RabbitCommandBus, type RabbitCommandBusOptions } from "./rabbitmq/rabbit-command-bus";
export {
  auditMessage,
  enqueue,
  outboxInsert,
  outboxRows,
  claimMessage,
  outboxTable,
  OUTBOX_SCHEMAS,
  type OutboxMessage,
  type OutboxSchema,
} from "./outbox/outbox";
export { OutboxRelay, outboxChannel, type OutboxRelayOptions } from "./outbox/outbox-relay";
export { consumeQueues } from "./consume-queues";
export { instanceGroup, measureCommandQueues, measureConsumerLag } from "./consumer-metrics";
