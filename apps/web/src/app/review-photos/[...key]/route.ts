// /review-photos/<key> — a review's photo, from the reviews service, which decides who may see it: anyone
// while the review is shown in the shop, and its author (named by her service token) while it waits or
// was rejected. Anything else is answered 404, as the service answers it.
import { currentShopper } from "@/auth/session";
import { photoFor } from "@/reviews/photos";

export async function GET(_request: Request, { params }: { params: Promise<{ key: string[] }> }) {
  const { key } = await params;
  return photoFor(key.join("/"), await currentShopper());
}
