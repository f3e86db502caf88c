export {
  ProductCardSkeleton,
  ProductGridSkeleton,
  Skeleton,
  type ProductGridSkeletonProps,
} from "./skeleton";
