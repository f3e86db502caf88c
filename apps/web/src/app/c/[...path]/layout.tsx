// Answers "does this category exist?" before anything streams, so an unknown category gets a real 404
// status (the segment's loading skeleton streams below this layout, after which the status is fixed).
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { CATEGORY_PATH } from "@/links";
import { WarmingUp } from "@/status/warming-up";
import { attempt } from "@/trpc/catalog-errors";
import { getCategory } from "@/trpc/server";

export default async function CategoryLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ path: string[] }>;
}) {
  const path = (await params).path.join("/");
  if (!CATEGORY_PATH.test(path)) notFound();
  const category = await attempt(getCategory(path));
  if (!category.ok) {
    if (category.failure.kind === "unavailable") return <WarmingUp detail={category.failure.message} />;
    notFound();
  }
  return children;
}
