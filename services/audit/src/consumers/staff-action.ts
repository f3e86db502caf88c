// audit.staff-action.v1 from the audit topic: each is stored once (app/record.ts). A message that is not
// a valid staff action — unreadable, data that fails the contract — throws MalformedMessageError from
// readMessage, and the bus dead-letters it with a warning (audit.dlq) instead of retrying it forever. A
// type this service does not know (a newer version) is dead-lettered too rather than skipped: an audit
// log does not drop what it cannot read yet; an operator can replay it from the dead-letter topic.
import { readMessage, staffActionV1 } from "@emporium/contracts";
import { PermanentMessageError, type MessageHandler } from "@emporium/messaging";
import { recordStaffAction } from "../app/record";
import type { AuditDeps } from "../app/deps";

export function staffActionConsumer(d: AuditDeps): MessageHandler {
  return async (envelope) => {
    if (envelope.type !== staffActionV1.type)
      throw new PermanentMessageError(
        `${envelope.type} is not an event the audit log reads (expected ${staffActionV1.type})`,
      );
    await recordStaffAction(d, readMessage(envelope, staffActionV1));
  };
}
