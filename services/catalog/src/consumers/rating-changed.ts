// Keeps the catalog's copy of each product's rating summary in step with the reviews service's
// `reviews.rating-changed.v1` events (for the "4★ & up" facet and the rating sort); a redelivered event
// changes nothing (the read model claims its id).
import { productRatingChangedV1, readMessage } from "@emporium/contracts";
import type { MessageHandler } from "@emporium/messaging";
import type { RatingReadModel } from "../ports/rating-read-model";

export function ratingChangedConsumer(
  readModel: RatingReadModel,
  onProductChanged: (slug: string) => Promise<void>,
): MessageHandler {
  return async (envelope) => {
    if (envelope.type !== productRatingChangedV1.type) return;
    const { data } = readMessage(envelope, productRatingChangedV1);
    const slug = await readModel.applyRating(envelope.id, data);
    if (slug) await onProductChanged(slug);
  };
}
