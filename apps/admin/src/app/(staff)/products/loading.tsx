import { Skeleton } from "@emporium/ui/skeleton";

export default function ProductsLoading() {
  return (
    <div role="status">
      <span className="sr-only">Loading products</span>
      <Skeleton className="h-8 w-40" />
      <Skeleton className="mt-3 h-4 w-72" />
      <div className="mt-6 flex flex-col gap-3 rounded-2xl border border-line bg-surface p-4">
        {Array.from({ length: 10 }, (_, i) => (
          <Skeleton key={i} className="h-10 w-full" />
        ))}
      </div>
    </div>
  );
}
