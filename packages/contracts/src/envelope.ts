// Every event and command travels in the same envelope. `type` names the message and its version
// ("order.placed.v1"); `aggregateId` is the Kafka key, so one order's messages stay in order.
import { randomUUID } from "node:crypto";
import { z } from "zod";

export const MESSAGE_TYPE = /^[a-z]+(?:\.[a-z]+(?:-[a-z]+)*)+\.v[1-9][0-9]*$/;

export const envelopeSchema = z.object({
  id: z.uuid(),
  type: z.string().regex(MESSAGE_TYPE, "must look like order.placed.v1"),
  occurredAt: z.iso.datetime(),
  aggregateId: z.string().min(1).max(200),
  data: z.unknown(),
  traceparent: z.string().max(100).optional(),
});

export interface Envelope<T = unknown> {
  id: string;
  type: string;
  occurredAt: string;
  aggregateId: string;
  data: T;
  traceparent?: string | undefined;
}

export interface MessageDefinition<Type extends string, S extends z.ZodType> {
  type: Type;
  schema: S;
}

export function defineMessage<Type extends string, S extends z.ZodType>(
  type: Type,
  schema: S,
): MessageDefinition<Type, S> {
  if (!MESSAGE_TYPE.test(type)) throw new Error(`message type ${type} must look like order.placed.v1`);
  return { type, schema };
}

export type DataOf<D> = D extends MessageDefinition<string, infer S> ? z.output<S> : never;

/** A new envelope for `definition`, its data validated now rather than by every reader later. */
export function createEnvelope<S extends z.ZodType>(
  definition: MessageDefinition<string, S>,
  aggregateId: string,
  data: z.input<S>,
  options: { id?: string; occurredAt?: Date; traceparent?: string | undefined } = {},
): Envelope<z.output<S>> {
  return {
    id: options.id ?? randomUUID(),
    type: definition.type,
    occurredAt: (options.occurredAt ?? new Date()).toISOString(),
    aggregateId,
    data: definition.schema.parse(data),
    ...(options.traceparent ? { traceparent: options.traceparent } : {}),
  };
}
