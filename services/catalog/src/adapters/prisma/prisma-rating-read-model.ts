// The rating read model in the catalog schema: idempotent through the catalog's processed-messages table.
import type { Database } from "@emporium/db";
import { claimMessage } from "@emporium/messaging";
import type { RatingReadModel, RatingSummary } from "../../ports/rating-read-model";

export class PrismaRatingReadModel implements RatingReadModel {
  constructor(private readonly db: Database) {}

  applyRating(messageId: string, summary: RatingSummary): Promise<string | null> {
    return this.db.transaction(async (tx) => {
      if (!(await claimMessage(tx, "catalog", messageId))) return null;
      const [product] = await tx.query<{ slug: string }>(
        `UPDATE catalog.products SET rating_average = $2, rating_count = $3
          WHERE id = $1::uuid RETURNING slug`,
        [summary.productId, summary.average, summary.count],
      );
      return product?.slug ?? null;
    });
  }
}
