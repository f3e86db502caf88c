// The arguments of a command queue's `q.dlq`. Its messages wait for a person, and the operations console
// looks at them by taking every one unacknowledged and handing it back (rabbit-command-bus.ts,
// holdDeadLetters): each look is one more delivery of every dead letter. RabbitMQ 4 gives a quorum queue
// a delivery limit of 20 unless told otherwise, and a queue past its limit with no dead-letter route of
// its own drops the message: the 21st look would lose every dead letter. So on 4.x the .dlq says
// `x-delivery-limit: -1`, which 4.x reads as "no limit". RabbitMQ 3.x has no default limit, and reads -1
// as a limit below the first return: measured on 3.10.8, a message declared so is dropped at the first
// look. So on 3.x the argument is left out, as it always was.
//
// Existing installs: a queue's arguments are fixed when it is made, and a declaration with other
// arguments is refused (406 PRECONDITION_FAILED). A .dlq made before this (or on 3.x, then upgraded to
// 4.x) keeps its arguments; the bus goes on using it and says how to lift its limit without losing its
// messages (docs/operations.md, "RabbitMQ 4 and the dead-letter queues").

/** The major version of a RabbitMQ server from its announced version ("4.0.5" → 4); undefined if unreadable. */
export function rabbitMajorVersion(version: string | undefined): number | undefined {
  const major = /^(\d+)\./.exec(version ?? "")?.[1];
  return major === undefined ? undefined : Number(major);
}

/** The arguments `q.dlq` is declared with on a server announcing `version`. */
export function deadLetterQueueArguments(version: string | undefined): Record<string, string | number> {
  const major = rabbitMajorVersion(version);
  return major !== undefined && major >= 4
    ? { "x-queue-type": "quorum", "x-delivery-limit": -1 }
    : { "x-queue-type": "quorum" };
}

/** Whether a declaration failed because the queue exists with other arguments (AMQP 406). */
export function isPreconditionFailed(err: unknown): boolean {
  return typeof err === "object" && err !== null && "code" in err && (err as { code: unknown }).code === 406;
}
