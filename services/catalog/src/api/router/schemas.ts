// Field formats shared by the catalog's input schemas.
import { z } from "zod";

export const slug = z
  .string()
  .max(160, "must be at most 160 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a lowercase slug such as linen-shirt");

export const categoryPath = z
  .string()
  .max(300, "must be at most 300 characters")
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/,
    "must be a category path such as clothing/tops",
  );

/** Amounts in minor units (cents). */
export const amount = z.number().int("must be a whole number of cents").min(0).max(100_000_000);
