// What a moderator reads when the reviews service refuses or cannot answer: the service's own words
// where they already say what happened (a field that is wrong, too many changes), and a plain sentence
// for the rest — "already approved" says someone may have been quicker, 403 says who may moderate.
// Anything that is not a tRPC answer (a bug in the admin) is rethrown for the error page and the logs.
import { TRPCClientError } from "@trpc/client";
import { z } from "zod";

/** The moderation form fields a refusal can name. */
export type ModerationField = "reason" | "body";

export interface ModerationRefusal {
  message: string;
  field?: ModerationField;
  /** The review may have changed meanwhile (moderated by someone else, or gone): show the queue anew. */
  stale?: boolean;
}

export const REVIEWS_UNAVAILABLE = "Reviews are unavailable right now; please try again in a few minutes.";

const FIELD_LABELS: Record<ModerationField, string> = { reason: "Reason", body: "Reply" };

/** The code, status and field the service kit puts in a refusal's data, where present. */
const refusalData = z
  .object({
    code: z.string().optional().catch(undefined),
    httpStatus: z.number().optional().catch(undefined),
    field: z.string().optional().catch(undefined),
  })
  .catch({});

function isField(field: string | undefined): field is ModerationField {
  return field === "reason" || field === "body";
}

/** A service message without its closing punctuation, to continue the sentence. */
function sentence(message: string): string {
  return message.trim().replace(/[.;:]+$/, "");
}

/**
 * True when the reviews service did not answer (refused connection, timeout), answered that it cannot
 * serve now (503: its MongoDB is unreachable), or a proxy in front of it did (502, 504). The queue page
 * then says the reviews are unavailable instead of failing.
 */
export function isReviewsUnavailable(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const { httpStatus } = refusalData.parse(error.data);
  return httpStatus === undefined || httpStatus === 502 || httpStatus === 503 || httpStatus === 504;
}

export function moderationRefusal(error: unknown): ModerationRefusal {
  if (!(error instanceof TRPCClientError)) throw error;
  if (isReviewsUnavailable(error)) return { message: REVIEWS_UNAVAILABLE };
  const { code, field } = refusalData.parse(error.data);
  switch (code) {
    case "CONFLICT":
      // "already approved/rejected", or moved on by someone else between reading and writing it.
      return {
        message: /already (approved|rejected)/.test(error.message)
          ? `${sentence(error.message)}: someone may have moderated it a moment ago. The queue now shows where it stands.`
          : "Someone else changed this review a moment ago. The queue now shows it as it stands; check it and try again.",
        stale: true,
      };
    case "NOT_FOUND":
      return { message: "This review no longer exists. The queue has been refreshed.", stale: true };
    case "FORBIDDEN":
      return {
        message:
          "Your role can read the queue but not moderate it: managers and owners approve, reject and reply.",
      };
    case "UNAUTHORIZED":
      return { message: "Your session has ended. Sign in again to moderate reviews." };
    case "BAD_REQUEST": {
      if (!isField(field)) return { message: error.message };
      // "reason: must not be blank" reads as the form names the field: "Reason: must not be blank".
      const said = error.message.replace(new RegExp(`^(Invalid input: )?${field}: `), "");
      return { message: `${FIELD_LABELS[field]}: ${said}`, field };
    }
    case "TOO_MANY_REQUESTS":
      return { message: error.message };
    default:
      return { message: "The reviews service could not do this just now; please try again." };
  }
}
