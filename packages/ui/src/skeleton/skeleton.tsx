// Placeholders while content loads. The shapes are hidden from screen readers; the surrounding
// region announces "Loading …" once instead.
import { cn } from "../cn";

export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={cn("animate-pulse rounded-md bg-line", className)} />;
}

export function ProductCardSkeleton() {
  return (
    <div aria-hidden="true" className="flex flex-col gap-2">
      <Skeleton className="aspect-[4/5] w-full rounded-xl" />
      <Skeleton className="mt-1 h-3 w-1/3" />
      <Skeleton className="h-4 w-3/4" />
      <Skeleton className="h-4 w-1/4" />
    </div>
  );
}

export interface ProductGridSkeletonProps {
  count?: number;
  label?: string;
  columns?: 3 | 4;
}

export function ProductGridSkeleton({
  count = 8,
  label = "Loading products",
  columns = 4,
}: ProductGridSkeletonProps) {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">{label}</span>
      <div
        className={cn(
          "grid grid-cols-2 gap-x-4 gap-y-8 sm:gap-x-6",
          columns === 4 ? "md:grid-cols-3 lg:grid-cols-4" : "md:grid-cols-3",
        )}
      >
        {Array.from({ length: count }, (_, i) => (
          <ProductCardSkeleton key={i} />
        ))}
      </div>
    </div>
  );
}
