// A row of five stars filled to a rating (to the nearest half star). The drawing is one image with a text
// alternative ("Rated 4.5 out of 5"), so a screen reader hears the rating once instead of five shapes.
import { cn } from "@emporium/ui/cn";
import { ratingLabel, starFills } from "./format";

const STAR = "M10 1.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L10 14.9l-5.2 2.7 1-5.8L1.5 7.7l5.9-.9z";

const sizes = { sm: "size-3.5", md: "size-4.5", lg: "size-6" } as const;

export function StarShape({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false" className={className}>
      <path d={STAR} fill="currentColor" />
    </svg>
  );
}

export interface StarsProps {
  rating: number;
  size?: keyof typeof sizes;
  /** The text alternative; "Rated 4.5 out of 5" unless given. */
  label?: string;
  className?: string;
}

export function Stars({ rating, size = "sm", label, className }: StarsProps) {
  return (
    <span role="img" aria-label={label ?? ratingLabel(rating)} className={cn("inline-flex", className)}>
      {starFills(rating).map((fill, i) => (
        <span key={i} className={cn("relative inline-block", sizes[size])}>
          <StarShape className="absolute inset-0 size-full text-line-strong" />
          {fill > 0 && (
            <span className="absolute inset-y-0 left-0 overflow-hidden" style={{ width: `${fill * 100}%` }}>
              <StarShape className={cn("text-amber-600", sizes[size])} />
            </span>
          )}
        </span>
      ))}
    </span>
  );
}
