import { Children, type ReactNode } from "react";
import { cn } from "../cn";

export interface ProductGridProps {
  children: ReactNode;
  /** Names the list for screen readers ("Products", "New arrivals"). */
  label?: string;
  /** Four columns on wide screens, or three beside a filter sidebar. */
  columns?: 3 | 4;
  className?: string;
}

export function ProductGrid({ children, label, columns = 4, className }: ProductGridProps) {
  return (
    <ul
      aria-label={label}
      className={cn(
        "grid grid-cols-2 gap-x-4 gap-y-8 sm:gap-x-6",
        columns === 4 ? "md:grid-cols-3 lg:grid-cols-4" : "md:grid-cols-3",
        className,
      )}
    >
      {Children.map(children, (child) => (child === null || child === undefined ? null : <li>{child}</li>))}
    </ul>
  );
}
