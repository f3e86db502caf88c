// The document-store contract on the embedded store `npm run dev` uses.
import { memoryReviewsStorage } from "../src/adapters/memory/memory-storage";
import { reviewStorageContract } from "./review-storage.contract";

reviewStorageContract("memory", true, async () => ({
  storage: memoryReviewsStorage(),
  dispose: async () => undefined,
}));
