// Answers "does this product exist?" before anything streams, so an unknown product gets a real 404
// status. The page reads the same product from the per-request cache.
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { SLUG } from "@/links";
import { WarmingUp } from "@/status/warming-up";
import { attempt } from "@/trpc/catalog-errors";
import { getProduct } from "@/trpc/server";

export default async function ProductLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  if (!SLUG.test(slug)) notFound();
  const product = await attempt(getProduct(slug));
  if (!product.ok) {
    if (product.failure.kind === "unavailable") return <WarmingUp detail={product.failure.message} />;
    notFound();
  }
  return children;
}
