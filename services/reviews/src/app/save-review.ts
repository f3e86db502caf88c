// Stores a changed review if nobody changed it meanwhile. When the change moves the review into or out
// of its product's approved set, the same single-document write marks the product's rating summary as
// due, and the relay is nudged to publish it (see app/rating-relay.ts). A staff change's audit event is
// stored by that same write, on the review, and the audit relay nudged (see app/audit-relay.ts).
import { randomUUID } from "node:crypto";
import type { Envelope, StaffAction } from "@emporium/contracts";
import { ConflictError } from "@emporium/service-kit/errors";
import { changesApprovedSet } from "../domain/review";
import type { Review } from "../domain/types";
import type { ReviewsDeps } from "./deps";

export async function saveReview(
  d: Pick<ReviewsDeps, "reviews" | "summaries" | "auditEvents">,
  before: Review,
  next: Review,
  audit?: Envelope<StaffAction>,
): Promise<Review> {
  const mark = changesApprovedSet(before.status, next.status) ? randomUUID() : null;
  const saved = await d.reviews.update(next, before.version, mark, audit);
  if (saved === "stale")
    throw new ConflictError("This review was changed by someone else meanwhile; reload it and try again");
  if (mark) d.summaries.wake();
  if (audit) d.auditEvents.wake();
  // The helpful count is the votes' own; the stored one may be newer than the copy that was read.
  return (await d.reviews.get(next.id)) ?? next;
}
