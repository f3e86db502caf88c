"use client";
// What the reviews block shows the shopper looking at it: "Write a review" or "Sign in to write a
// review", her own review's note in its place once she has written one, and the Helpful buttons once
// she is signed in. The product page renders it on the server, except on a full page load that a shared
// cache may keep (src/shared-cache.ts): that page is the same for everyone, so it shows what a visitor
// sees and this asks who is looking once the page has loaded.
import type { MyReview } from "@emporium/reviews/client";
import { createContext, useCallback, useContext, type ReactNode } from "react";
import { buttonStyles } from "@emporium/ui/button";
import { NextLink } from "@/next-link";
import { useBrowserRead } from "@/use-browser-read";
import { readReviewViewer } from "./actions";
import { OwnReviewNote } from "./own-review";

export interface ReviewViewer {
  signedIn: boolean;
  /** Her own review of the product, whatever its state; null when none (or unknown). */
  ownReview: MyReview | null;
}

const VISITOR: ReviewViewer = { signedIn: false, ownReview: null };

const ViewerContext = createContext<ReviewViewer>(VISITOR);

export function useReviewViewer(): ReviewViewer {
  return useContext(ViewerContext);
}

export interface ReviewViewerProviderProps {
  productId: string;
  /** Who is looking, when the server knew; null to ask from the browser. */
  viewer: ReviewViewer | null;
  children: ReactNode;
}

export function ReviewViewerProvider({ productId, viewer, children }: ReviewViewerProviderProps) {
  const read = useCallback(() => readReviewViewer(productId), [productId]);
  const asked = useBrowserRead(read, viewer === null);
  return <ViewerContext.Provider value={viewer ?? asked.data ?? VISITOR}>{children}</ViewerContext.Provider>;
}

/** Where "Write a review" goes: the form, or sign-in first (and back to the form afterwards). */
export function writeReviewHref(productPath: string, signedIn: boolean): string {
  const form = `${productPath}/review`;
  return signedIn ? form : `/account/sign-in?next=${encodeURIComponent(form)}`;
}

/** "Write a review" (or sign in first), or her own review's note where she wrote one. */
export function WriteReviewLink({ productPath }: { productPath: string }) {
  const { signedIn, ownReview } = useReviewViewer();
  if (ownReview) return <OwnReviewNote review={ownReview} productPath={productPath} />;
  return (
    <NextLink
      href={writeReviewHref(productPath, signedIn)}
      className={buttonStyles({ variant: "secondary", className: "w-full sm:w-auto" })}
    >
      {signedIn ? "Write a review" : "Sign in to write a review"}
    </NextLink>
  );
}

/** Who may review, said to everyone who has not reviewed the product yet. */
export function WhoMayReview({ extra, className }: { extra?: string; className: string }) {
  const { ownReview } = useReviewViewer();
  if (ownReview) return null;
  return (
    <p className={className}>
      Shoppers who have received this product can review it.{extra ? ` ${extra}` : ""}
    </p>
  );
}
