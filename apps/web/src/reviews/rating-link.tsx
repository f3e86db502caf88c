// A product's rating in one line — stars, the average and the count — as on product cards and under the
// product page's title (where it links down to the reviews). One text alternative says it all.
import { cn } from "@emporium/ui/cn";
import { formatAverage, ratingLabel, reviewCountLabel } from "./format";
import { Stars } from "./stars";

export interface RatingLineProps {
  average: number;
  count: number;
  className?: string;
}

/** Stars and "(12)", for a product card. */
export function RatingLine({ average, count, className }: RatingLineProps) {
  return (
    <p className={cn("flex items-center gap-1 text-xs text-ink-muted", className)}>
      <Stars rating={average} label={`${ratingLabel(average)}, ${reviewCountLabel(count)}`} />
      <span aria-hidden="true" className="tabular-nums">
        ({count.toLocaleString("en-US")})
      </span>
    </p>
  );
}

/** Stars, "4.5" and "12 reviews", linking to the reviews below. */
export function RatingLink({ average, count, className, href }: RatingLineProps & { href: string }) {
  return (
    <a
      href={href}
      className={cn(
        "inline-flex items-center gap-2 text-sm text-ink-muted hover:text-ink hover:underline",
        className,
      )}
    >
      <Stars rating={average} size="md" label={ratingLabel(average)} />
      <span>
        <span aria-hidden="true">{formatAverage(average)} · </span>
        <span className="sr-only">, </span>
        {reviewCountLabel(count)}
      </span>
    </a>
  );
}
