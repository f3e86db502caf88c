// Recording a staff action: the entry its event makes, stored once under the event's id. A second
// delivery of the same event (Kafka redelivers after a crash or a rebalance) is noted at debug level and
// is not an error; a store that cannot be reached throws, so the event bus delivers the event again later
// and nothing is lost.
import type { Envelope, StaffAction } from "@emporium/contracts";
import { entryOf } from "../domain/entry";
import type { AuditDeps } from "./deps";

export async function recordStaffAction(
  d: AuditDeps,
  envelope: Envelope<StaffAction>,
): Promise<"stored" | "duplicate"> {
  const entry = entryOf(envelope);
  const outcome = await d.auditLog.append(entry);
  if (outcome === "duplicate")
    d.log.debug({ eventId: entry.id, action: entry.action }, "staff action already recorded");
  return outcome;
}
