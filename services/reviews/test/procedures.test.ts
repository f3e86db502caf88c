// The reviews procedures on the embedded store (see procedure-suite.ts).
import { memoryReviewsStorage } from "../src/adapters/memory/memory-storage";
import { procedureSuite } from "./procedure-suite";

procedureSuite("the embedded store", true, async () => {
  const storage = memoryReviewsStorage();
  return { storage, dispose: () => storage.close() };
});
