// /review-photos/<key> — a photo on a review, fetched from the reviews service as the signed-in staff
// member, so the moderation queue shows the photos of reviews that are not (or no longer) in the shop;
// the service checks reviews.read itself.
import { reviewPhotoResponse } from "@emporium/reviews/client";
import { backendAuthorization, requireStaff } from "@/auth/session";
import { env } from "@/env";

export async function GET(_request: Request, { params }: { params: Promise<{ key: string[] }> }) {
  const staff = await requireStaff();
  const { key } = await params;
  return reviewPhotoResponse(env.REVIEWS_URL, key.join("/"), await backendAuthorization(staff));
}
