// The search box's suggestion requests, loaded with the first suggestion asked for rather than with the
// page (see use-suggestions.ts): TanStack Query's cache and the catalog's tRPC client are not needed to
// show a page, only once the shopper types. When the catalog refuses for too many requests from this
// connection, the box is paused (no retry) for the wait it named.
import { keepPreviousData, QueryObserver, type QueryObserverOptions } from "@tanstack/react-query";
import type { Suggestions } from "@emporium/catalog/client";
import { browserCatalog } from "@/trpc/browser-client";
import { makeQueryClient } from "@/trpc/query-client";
import { tooManyRequestsOf } from "@/trpc/too-many-requests";

/** How long suggestions rest after a refusal that did not say how long to wait. */
const DEFAULT_PAUSE_SECONDS = 60;

type SuggestionKey = readonly ["search.suggest", string];
export type SuggestionObserver = QueryObserver<Suggestions, Error, Suggestions, Suggestions, SuggestionKey>;

// One cache per tab, as the suggestions of a word typed again are still fresh.
const client = makeQueryClient();

function options(
  query: string,
  enabled: boolean,
  pause: (seconds: number) => void,
): QueryObserverOptions<Suggestions, Error, Suggestions, Suggestions, SuggestionKey> {
  return {
    queryKey: ["search.suggest", query],
    queryFn: async ({ signal }) => {
      try {
        return await browserCatalog.search.suggest.query({ q: query, limit: 6 }, { signal });
      } catch (error) {
        const limited = tooManyRequestsOf(error);
        if (limited) pause(limited.retryAfterSeconds ?? DEFAULT_PAUSE_SECONDS);
        throw error;
      }
    },
    // Once, as the shop's queries do; never after a refusal for too many, which would only be refused again.
    retry: (failures, error) => failures < 1 && !tooManyRequestsOf(error),
    enabled,
    placeholderData: keepPreviousData,
  };
}

/** One search box's suggestions: the previous list stays while the next one is on its way. */
export function suggestionObserver(): SuggestionObserver {
  return new QueryObserver(
    client,
    options("", false, () => {}),
  );
}

/** Follows `query` (and whether to ask at all) with `observer`; `onChange` gets each new state. */
export function observeSuggestions(
  observer: SuggestionObserver,
  query: string,
  enabled: boolean,
  pause: (seconds: number) => void,
  onChange: (data: Suggestions | undefined, isFetching: boolean) => void,
): () => void {
  observer.setOptions(options(query, enabled, pause));
  const unsubscribe = observer.subscribe((result) => onChange(result.data, result.isFetching));
  const result = observer.getCurrentResult();
  onChange(result.data, result.isFetching);
  return unsubscribe;
}
