// tRPC for the reviews service, from the shared service kit: its context (the review store, the
// purchase ledger, the rating-summary nudge, the clock) on top of what every request carries.
import { createServiceTrpc, type ServiceContext } from "@emporium/service-kit";
import type { ReviewsDeps } from "../app/deps";

export interface ReviewsContext extends ServiceContext, ReviewsDeps {}

export const { router, publicProcedure, staffProcedure, createCallerFactory } =
  createServiceTrpc<ReviewsContext>({ service: "reviews", displayName: "The reviews service" });
