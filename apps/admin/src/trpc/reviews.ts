// The reviews service's moderation procedures as the admin's server components and actions see them:
// always fresh, requested only at request time, with a 10 s timeout, and a service token naming the
// signed-in staff member on every call — the reviews service checks the permission again itself.
import { cache } from "react";
import { connection } from "next/server";
import { freshFetch } from "@emporium/http-fetch";
import { createReviewsClient } from "@emporium/reviews/client";
import { backendAuthorization, type Staff } from "@/auth/session";
import { env } from "@/env";

const TIMEOUT_MS = 10_000;
const reviewsFetch = freshFetch(TIMEOUT_MS);

/** The moderation procedures (queue, approve, reject, reply), called as `staff`. */
export function moderationAs(staff: Staff) {
  return createReviewsClient({
    url: env.REVIEWS_URL,
    fetch: reviewsFetch,
    headers: async () => ({ authorization: await backendAuthorization(staff) }),
  }).moderation;
}

/** One page of the reviews waiting for moderation, oldest first. */
export const getModerationQueue = cache(async (staff: Staff, page: number) => {
  await connection();
  return moderationAs(staff).queue.query({ page });
});
