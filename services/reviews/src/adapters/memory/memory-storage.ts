// The embedded document store: reviews and purchases in this process's memory (no server at all).
import type { ReviewsStorage } from "../../ports/reviews-storage";
import { MemoryPurchaseLedger } from "./memory-purchase-ledger";
import { MemoryReviewStore } from "./memory-review-store";

export function memoryReviewsStorage(): ReviewsStorage {
  return {
    reviews: new MemoryReviewStore(),
    purchases: new MemoryPurchaseLedger(),
    description: "in memory (nothing survives a restart)",
    ping: async () => undefined,
    close: async () => undefined,
  };
}
