// The service's document store on MongoDB: reviews and purchases on one client.
import type { ReviewsStorage } from "../../ports/reviews-storage";
import { MongoConnection, type MongoOptions } from "./mongo-connection";
import { MongoPurchaseLedger } from "./mongo-purchase-ledger";
import { MongoReviewStore } from "./mongo-review-store";

export function mongoReviewsStorage(options: MongoOptions): ReviewsStorage {
  const mongo = new MongoConnection(options);
  return {
    reviews: new MongoReviewStore(mongo),
    purchases: new MongoPurchaseLedger(mongo),
    description: mongo.description,
    ping: () => mongo.ping(),
    close: () => mongo.close(),
  };
}
