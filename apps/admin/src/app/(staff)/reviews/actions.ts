"use server";
// Moderation: approve, reject with a reason, reply publicly. Each names the staff member to the reviews
// service with a fresh service token; the service checks reviews.moderate itself, so a hidden button is
// a convenience, not the guard. Not optimistic, like the admin's other forms: the queue is shown again
// from the service after each change, so a review leaves it only once the service has moved it.
import { revalidatePath } from "next/cache";
import { requireStaff } from "@/auth/session";
import { moderationRefusal, type ModerationField } from "@/reviews/moderation-refusal";
import { quotedTitle, reasonProblem, replyProblem } from "@/reviews/queue-view";
import { moderationAs } from "@/trpc/reviews";

export interface ModerationState {
  status: "idle" | "saved" | "error";
  message: string | null;
  field?: ModerationField;
  /** The queue was shown again because the review changed meanwhile: it may have left the page. */
  refreshed?: true;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_A_REVIEW: ModerationState = { status: "error", message: "This is not a review in the queue." };

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

function refused(error: unknown): ModerationState {
  const { message, field, stale } = moderationRefusal(error);
  if (!stale) return { status: "error", message, ...(field ? { field } : {}) };
  // Moderated by someone else, or gone: show the queue as it now stands.
  revalidatePath("/reviews");
  return { status: "error", message, refreshed: true };
}

export async function approveReview(_prev: ModerationState, form: FormData): Promise<ModerationState> {
  const staff = await requireStaff();
  const reviewId = text(form, "reviewId");
  if (!UUID.test(reviewId)) return NOT_A_REVIEW;
  let title: string;
  try {
    ({ title } = await moderationAs(staff).approve.mutate({ reviewId }));
  } catch (error) {
    return refused(error);
  }
  revalidatePath("/reviews");
  return { status: "saved", message: `Approved ${quotedTitle(title)}: it now shows in the shop.` };
}

export async function rejectReview(_prev: ModerationState, form: FormData): Promise<ModerationState> {
  const staff = await requireStaff();
  const reviewId = text(form, "reviewId");
  if (!UUID.test(reviewId)) return NOT_A_REVIEW;
  const reason = text(form, "reason").trim();
  const problem = reasonProblem(reason);
  if (problem) return { status: "error", message: problem, field: "reason" };
  let title: string;
  try {
    ({ title } = await moderationAs(staff).reject.mutate({ reviewId, reason }));
  } catch (error) {
    return refused(error);
  }
  revalidatePath("/reviews");
  return { status: "saved", message: `Rejected ${quotedTitle(title)}: its author will see your reason.` };
}

export async function replyToReview(_prev: ModerationState, form: FormData): Promise<ModerationState> {
  const staff = await requireStaff();
  const reviewId = text(form, "reviewId");
  if (!UUID.test(reviewId)) return NOT_A_REVIEW;
  const body = text(form, "body").trim();
  const problem = replyProblem(body);
  if (problem) return { status: "error", message: problem, field: "body" };
  try {
    await moderationAs(staff).reply.mutate({ reviewId, body });
  } catch (error) {
    return refused(error);
  }
  revalidatePath("/reviews");
  return {
    status: "saved",
    message: "Reply saved. Shoppers see it under the review once the review is approved.",
  };
}
