import { QueryClient } from "@tanstack/react-query";

/** The browser's query cache: suggestions stay fresh for a minute and failed lookups retry once. */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 60_000, gcTime: 5 * 60_000, retry: 1, refetchOnWindowFocus: false },
    },
  });
}
