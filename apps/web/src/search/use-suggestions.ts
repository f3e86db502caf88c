import { useEffect, useState } from "react";
import type { Suggestions } from "@emporium/catalog/client";
import type { SuggestionObserver } from "./suggestion-query";

type SuggestionQuery = typeof import("./suggestion-query");

let loading: Promise<SuggestionQuery> | undefined;
/** The suggestion requests' code, fetched once per tab; also started early when the box gets focus. */
export function loadSuggestionQuery(): Promise<SuggestionQuery> {
  loading ??= import("./suggestion-query");
  return loading;
}

export interface SuggestionsState {
  data: Suggestions | undefined;
  isFetching: boolean;
}

const NONE: SuggestionsState = { data: undefined, isFetching: false };

/**
 * The suggestions for `query` while `enabled`, asked for with code loaded on the first query worth
 * asking about (./suggestion-query.ts), so that a page loads no query cache or tRPC client up front.
 */
export function useSuggestions(
  query: string,
  enabled: boolean,
  pause: (seconds: number) => void,
): SuggestionsState {
  const [loaded, setLoaded] = useState<{ module: SuggestionQuery; observer: SuggestionObserver } | null>(
    null,
  );
  const [state, setState] = useState<SuggestionsState>(NONE);

  useEffect(() => {
    if (!enabled || loaded) return;
    let live = true;
    void loadSuggestionQuery().then((module) => {
      if (live) setLoaded({ module, observer: module.suggestionObserver() });
    });
    return () => {
      live = false;
    };
  }, [enabled, loaded]);

  useEffect(() => {
    if (!loaded) return;
    return loaded.module.observeSuggestions(loaded.observer, query, enabled, pause, (data, isFetching) =>
      setState({ data, isFetching }),
    );
  }, [loaded, query, enabled, pause]);

  return loaded ? state : NONE;
}
