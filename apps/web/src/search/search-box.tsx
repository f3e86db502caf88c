"use client";
// The header search with autocomplete, following the WAI-ARIA combobox pattern (list autocomplete):
// focus stays in the text box, the arrow keys move aria-activedescendant through the suggestions,
// Enter opens the active suggestion (or searches for the text), Escape closes the list, then clears.
// Without JavaScript it is a plain GET form to /search. Suggestions are a convenience: when the catalog
// refuses them for too many requests from this connection, the box quietly stops asking (no retry, no
// list, nothing logged) until the wait it named is over; searching itself still works.
import Form from "next/form";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useId, useState, type KeyboardEvent } from "react";
import { cn } from "@emporium/ui/cn";
import { formatMoney } from "@emporium/ui/money";
import { flattenGroups, moveActive, suggestionGroups, type SuggestionOption } from "./suggestion-options";
import { useDebouncedValue } from "./use-debounced-value";
import { usePause } from "./use-pause";
import { loadSuggestionQuery, useSuggestions } from "./use-suggestions";

const MIN_QUERY_LENGTH = 2;
const DEBOUNCE_MS = 200;

const inputClass =
  "h-10 w-full rounded-full border border-line-strong bg-canvas pr-4 pl-10 text-sm text-ink placeholder:text-ink-subtle " +
  "focus:border-brand-700 focus:bg-surface focus:outline-2 focus:outline-offset-0 focus:outline-brand-700";

function SearchIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 20 20"
      className="pointer-events-none absolute top-1/2 left-3.5 size-4 -translate-y-1/2 text-ink-muted"
    >
      <circle cx="9" cy="9" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path d="M13 13l4 4" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}

/** The search box before hydration or without JavaScript: a plain form. */
export function SearchBoxFallback() {
  return (
    <form role="search" action="/search" className="relative">
      <label htmlFor="site-search-fallback" className="sr-only">
        Search products
      </label>
      <SearchIcon />
      <input
        id="site-search-fallback"
        name="q"
        type="search"
        placeholder="Search products"
        className={inputClass}
      />
    </form>
  );
}

export function SearchBox() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const urlQuery = pathname === "/search" ? (searchParams.get("q") ?? "") : "";

  const [text, setText] = useState(urlQuery);
  const [shownQuery, setShownQuery] = useState(urlQuery);
  // On the results page the box shows the searched words; follow the URL when it changes.
  if (shownQuery !== urlQuery) {
    setShownQuery(urlQuery);
    setText(urlQuery);
  }
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  const id = useId();
  const inputId = `${id}-input`;
  const listboxId = `${id}-listbox`;
  const optionId = (index: number) => `${id}-option-${index}`;

  const query = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const { paused, pause } = usePause();
  const enabled = query.length >= MIN_QUERY_LENGTH && !paused;
  const suggestions = useSuggestions(query, enabled, pause);

  const data = enabled ? suggestions.data : undefined;
  const groups = data ? suggestionGroups(data, text) : [];
  const options = flattenGroups(groups);
  const expanded =
    open && text.trim().length >= MIN_QUERY_LENGTH && (options.length > 0 || suggestions.isFetching);
  const activeIndex = expanded && active < options.length ? active : -1;

  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  const go = (option: SuggestionOption) => {
    close();
    router.push(option.href);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp":
        event.preventDefault();
        if (!expanded) {
          setOpen(true);
          return;
        }
        setActive(moveActive(activeIndex, options.length, event.key));
        return;
      case "Enter": {
        const option = activeIndex >= 0 ? options[activeIndex] : undefined;
        if (option) {
          event.preventDefault();
          go(option);
        } else {
          close();
        }
        return;
      }
      case "Escape":
        event.preventDefault();
        if (expanded) close();
        else setText("");
        return;
    }
  };

  // Each option's position in the flat list, which is what the arrow keys and ids count.
  const offsets = groups.map((_, g) => groups.slice(0, g).reduce((n, group) => n + group.options.length, 0));
  return (
    <Form action="/search" role="search" className="relative" onSubmit={close}>
      <label htmlFor={inputId} className="sr-only">
        Search products
      </label>
      <SearchIcon />
      <input
        id={inputId}
        name="q"
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        placeholder="Search products, brands and categories"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listboxId}
        aria-activedescendant={activeIndex >= 0 ? optionId(activeIndex) : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => {
          setOpen(true);
          // The shopper is about to type: fetch the suggestions' code now, not after the first word.
          void loadSuggestionQuery();
        }}
        onBlur={close}
        onKeyDown={onKeyDown}
        className={inputClass}
      />
      <div
        id={listboxId}
        role="listbox"
        aria-label="Search suggestions"
        className={cn(
          "absolute inset-x-0 top-full z-50 mt-2 max-h-[70vh] overflow-y-auto rounded-2xl border border-line bg-surface py-2 shadow-xl",
          !expanded && "hidden",
        )}
      >
        {data?.correctedQuery && (
          <p role="presentation" className="px-4 pt-1 pb-2 text-xs text-ink-muted">
            Showing suggestions for <span className="font-semibold text-ink">{data.correctedQuery}</span>
          </p>
        )}
        {groups.map((group, groupIndex) => (
          <div key={group.label} role="group" aria-labelledby={`${id}-${group.label}`}>
            <p
              id={`${id}-${group.label}`}
              role="presentation"
              className="px-4 pt-2 pb-1 text-xs font-semibold tracking-wide text-ink-muted uppercase"
            >
              {group.label}
            </p>
            {group.options.map((option, position) => {
              const optionIndex = (offsets[groupIndex] ?? 0) + position;
              const selected = optionIndex === activeIndex;
              return (
                <div
                  key={option.key}
                  id={optionId(optionIndex)}
                  role="option"
                  aria-selected={selected}
                  // Keeps focus in the text box so the click lands before the list closes on blur.
                  onMouseDown={(event) => event.preventDefault()}
                  onMouseMove={() => setActive(optionIndex)}
                  onClick={() => go(option)}
                  className={cn(
                    "flex cursor-pointer items-center gap-3 px-4 py-2 text-sm",
                    selected ? "bg-brand-50" : "hover:bg-canvas-muted",
                  )}
                >
                  {option.kind === "product" && (
                    <span className="h-12 w-10 shrink-0 overflow-hidden rounded-md bg-canvas-muted">
                      {option.image && (
                        <img
                          src={option.image.src}
                          alt=""
                          width={40}
                          height={50}
                          loading="lazy"
                          decoding="async"
                          className="h-full w-full object-cover"
                        />
                      )}
                    </span>
                  )}
                  <span className="flex min-w-0 flex-1 flex-col">
                    <span
                      className={cn(
                        "truncate",
                        option.kind === "search" ? "font-medium text-brand-700" : "text-ink",
                      )}
                    >
                      {option.label}
                    </span>
                    {option.detail && (
                      <span className="truncate text-xs text-ink-muted">{option.detail}</span>
                    )}
                  </span>
                  {option.price && (
                    <span className="shrink-0 font-medium text-ink tabular-nums">
                      {formatMoney(option.price.amount, option.price.currency)}
                    </span>
                  )}
                </div>
              );
            })}
          </div>
        ))}
        {options.length === 0 && suggestions.isFetching && (
          <p role="presentation" className="px-4 py-2 text-sm text-ink-muted">
            Searching…
          </p>
        )}
      </div>
      <p role="status" className="sr-only">
        {expanded && options.length > 0
          ? `${options.length} suggestions. Use the arrow keys to choose one.`
          : ""}
      </p>
    </Form>
  );
}
