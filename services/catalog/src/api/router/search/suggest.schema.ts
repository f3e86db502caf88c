// search.suggest's input: the typed text (bounded like a listing's query) and how many suggestions.
import { z } from "zod";
import { MAX_QUERY_LENGTH } from "../../../domain/search-query";

export const suggestInput = z.strictObject({
  q: z.string().max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`),
  limit: z.number().int().min(1).max(10, "must be at most 10").default(6),
});
export type SuggestInput = z.infer<typeof suggestInput>;
