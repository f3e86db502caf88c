import { defineConfig } from "vitest/config";

// Each file starts the whole distributed stack against the shared real brokers: one at a time.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 300_000,
  },
});
