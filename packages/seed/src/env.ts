// How the generated demo shop is asked for, in the env schema of each process that seeds on first start.
import { z } from "zod";

export const seedEnv = {
  SEED_PRODUCTS: z.coerce
    .number()
    .int()
    .min(1)
    .max(200_000)
    .default(2000)
    .describe("How many products the generated shop has."),
  SEED: z.coerce
    .number()
    .int()
    .min(0)
    .default(42)
    .describe("The generated shop's random seed (same seed, same shop)."),
};
