// Reading a message off a wire: bytes → envelope → typed data, or a MalformedMessageError that says why.
// Consumers dead-letter malformed messages instead of retrying them forever.
import type { z } from "zod";
import { envelopeSchema, type Envelope, type MessageDefinition } from "./envelope";

export class MalformedMessageError extends Error {
  override name = "MalformedMessageError";
}

export function parseEnvelope(bytes: Buffer | string): Envelope {
  let json: unknown;
  try {
    json = JSON.parse(typeof bytes === "string" ? bytes : bytes.toString("utf8"));
  } catch {
    throw new MalformedMessageError("message body is not JSON");
  }
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success)
    throw new MalformedMessageError(
      `not an envelope: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  return parsed.data;
}

/** The envelope's data checked against the definition its type names. */
export function readMessage<S extends z.ZodType>(
  envelope: Envelope,
  definition: MessageDefinition<string, S>,
): Envelope<z.output<S>> {
  if (envelope.type !== definition.type)
    throw new MalformedMessageError(`expected ${definition.type}, got ${envelope.type}`);
  const data = definition.schema.safeParse(envelope.data);
  if (!data.success)
    throw new MalformedMessageError(
      `${envelope.type} ${envelope.id}: ${data.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  return { ...envelope, data: data.data };
}
