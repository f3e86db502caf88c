// "Customer rating" in the facet sidebar: one choice of "4★ & up", "3★ & up"… (radio buttons named
// rating, like the URL key, so it works as a plain GET form), each with how many products it would
// show given the other filters. Ratings no product reaches are left out, unless chosen.
import { Stars } from "@/reviews/stars";
import { MIN_RATINGS, type MinRating } from "./listing-params";

export interface RatingFacetProps {
  /** The catalog's facets.rating: products rated at least n stars, for each n that has any. */
  counts: readonly { atLeast: number; count: number }[];
  selected: MinRating | null;
}

const radioClass = "size-4 shrink-0 accent-brand-700";

export function RatingFacet({ counts, selected }: RatingFacetProps) {
  const countOf = (stars: MinRating) => counts.find((c) => c.atLeast === stars)?.count ?? 0;
  const options = MIN_RATINGS.filter((stars) => stars === selected || countOf(stars) > 0);
  if (options.length === 0) return null;
  return (
    <fieldset className="border-b border-line pb-5">
      <legend className="mb-3 text-sm font-semibold text-ink">Customer rating</legend>
      <ul className="flex flex-col gap-2.5">
        <li>
          <label className="flex cursor-pointer items-center gap-3 text-sm text-ink">
            <input
              type="radio"
              name="rating"
              value=""
              defaultChecked={selected === null}
              className={radioClass}
            />
            Any rating
          </label>
        </li>
        {options.map((stars) => (
          <li key={stars}>
            <label className="flex cursor-pointer items-center gap-3 text-sm text-ink">
              <input
                type="radio"
                name="rating"
                value={stars}
                defaultChecked={selected === stars}
                className={radioClass}
              />
              <span className="flex flex-1 items-baseline justify-between gap-2">
                <span className="inline-flex items-center gap-1.5">
                  <Stars rating={stars} label={`${stars} stars`} className="self-center" />{" "}
                  <span>&amp; up</span>
                </span>
                <span className="text-xs text-ink-muted tabular-nums">
                  <span className="sr-only">, </span>
                  {countOf(stars)}
                  <span className="sr-only"> products</span>
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
