"use client";
// The order of the reviews. A GET form on the product page (it keeps the chosen variant), so it works
// without JavaScript through its button; with JavaScript a new choice reloads the reviews at once,
// starting from the first page, and the page stays where it is.
import { useRouter } from "next/navigation";
import { useTransition, type ChangeEvent } from "react";
import type { ReviewSort } from "@emporium/reviews/client";
import { Select } from "@emporium/ui/select";
import { REVIEW_SORT_OPTIONS } from "./format";

export interface ReviewSortProps {
  action: string;
  value: ReviewSort;
  variantId: string | null;
}

export function ReviewSortForm({ action, value, variantId }: ReviewSortProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const onChange = (event: ChangeEvent<HTMLSelectElement>) => {
    const params = new URLSearchParams(window.location.search);
    params.delete("review_after");
    params.delete("added");
    if (event.target.value === "newest") params.delete("review_sort");
    else params.set("review_sort", event.target.value);
    const query = params.toString();
    startTransition(() => router.push(`${action}${query ? `?${query}` : ""}#reviews`, { scroll: false }));
  };
  return (
    <form method="get" action={`${action}#reviews`} aria-busy={pending} className="flex items-center gap-2">
      {variantId && <input type="hidden" name="variant" value={variantId} />}
      <Select
        name="review_sort"
        label="Sort reviews by"
        options={[...REVIEW_SORT_OPTIONS]}
        defaultValue={value}
        onChange={onChange}
      />
      <noscript>
        <button type="submit" className="h-10 rounded-lg border border-line-strong bg-surface px-3 text-sm">
          Sort
        </button>
      </noscript>
    </form>
  );
}
