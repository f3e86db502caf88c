// What the staff audit log records of a moderator's change to a review: the action, the review (named
// by its title, as it was), and the fields the change is about — its status for an approval or a
// rejection (whose reason is the record's reason), the public reply's text for a reply.
import type { AuditRecord } from "@emporium/contracts";
import type { Review } from "./types";

export const REVIEW_AUDIT_ACTIONS = {
  approved: "review.approved",
  rejected: "review.rejected",
  replied: "review.replied",
} as const;
export type ReviewAuditAction = keyof typeof REVIEW_AUDIT_ACTIONS;

function fieldsOf(action: ReviewAuditAction, review: Review): Record<string, string | null> {
  return action === "replied" ? { reply: review.reply?.body ?? null } : { status: review.status };
}

/** The audit record of moderating `before` into `after`. */
export function moderationRecord(action: ReviewAuditAction, before: Review, after: Review): AuditRecord {
  return {
    action: REVIEW_AUDIT_ACTIONS[action],
    target: { type: "review", id: after.id, label: after.title },
    before: fieldsOf(action, before),
    after: fieldsOf(action, after),
    ...(action === "rejected" && after.rejectionReason ? { reason: after.rejectionReason } : {}),
  };
}
