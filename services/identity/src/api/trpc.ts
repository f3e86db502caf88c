// tRPC for the identity service, from the shared service kit: its context (the account store, the
// single sign-on verifier, the sign-in counter) on top of what every request carries.
import { createServiceTrpc, type ServiceContext } from "@emporium/service-kit";
import type { Counter } from "prom-client";
import type { OidcVerifier } from "../ports/oidc-verifier";
import type { UserStore } from "../ports/user-store";

export interface Context extends ServiceContext {
  users: UserStore;
  /** Verifies ID tokens from the configured OpenID Connect provider; null when none is configured. */
  oidc: OidcVerifier | null;
  /** Sign-in attempts by outcome ("ok", "refused"). */
  signIns: Counter<"outcome">;
}

export const { router, publicProcedure, staffProcedure, createCallerFactory } = createServiceTrpc<Context>({
  displayName: "The identity service",
});
