"use client";
// The filter/sort form around a listing. It is a real GET form, so it works without JavaScript; with
// JavaScript a ticked box, a chosen rating or a new sort order navigates at once (client-side, keeping scroll), and the
// URL it goes to is the canonical one from listing-params.
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useTransition, type ChangeEvent, type FormEvent, type ReactNode } from "react";
import { cn } from "@emporium/ui/cn";
import type { SortOrder } from "@emporium/catalog/client";
import { listingHref, parseListingParams, type ListingState } from "./listing-params";

function formState(form: HTMLFormElement, defaultSort: SortOrder): ListingState {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form)) if (typeof value === "string") params.append(key, value);
  const state = parseListingParams(params);
  // The select always submits an order; the default one stays out of the URL.
  return state.sort === defaultSort ? { ...state, sort: null } : state;
}

/** After Back/Forward the URL, not what was last clicked, decides what is ticked. */
function resetToServerValues(form: HTMLFormElement) {
  for (const element of Array.from(form.elements)) {
    if (!(element instanceof HTMLInputElement)) continue;
    if (element.type === "checkbox" || element.type === "radio") element.checked = element.defaultChecked;
    else if (element.type !== "hidden") element.value = element.defaultValue;
  }
}

export interface ListingFormProps {
  action: string;
  /** The order the catalog uses when none is given (relevance for a search, newest otherwise). */
  defaultSort: SortOrder;
  children: ReactNode;
}

export function ListingForm({ action, defaultSort, children }: ListingFormProps) {
  const router = useRouter();
  const searchParams = useSearchParams();
  const form = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  const urlKey = searchParams.toString();

  useEffect(() => {
    if (form.current) resetToServerValues(form.current);
  }, [urlKey]);

  const navigate = (target: HTMLFormElement) => {
    const href = listingHref(action, formState(target, defaultSort));
    startTransition(() => router.push(href, { scroll: false }));
  };
  const onChange = (event: ChangeEvent<HTMLFormElement>) => {
    const field = event.target;
    const immediate =
      (field instanceof HTMLInputElement && (field.type === "checkbox" || field.type === "radio")) ||
      field instanceof HTMLSelectElement;
    if (immediate) navigate(event.currentTarget);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    navigate(event.currentTarget);
  };

  return (
    <form
      ref={form}
      method="get"
      action={action}
      onChange={onChange}
      onSubmit={onSubmit}
      aria-busy={pending}
      className={cn("group/listing", pending && "is-pending")}
    >
      {children}
    </form>
  );
}
