// tRPC for the identity service, from the shared service kit: its context (the account store, the
// single sign-on verifier, the limits on sign-in and sign-up attempts, the sign-in counter) on top of
// what every request carries.
import { createServiceTrpc, type ServiceContext } from "@emporium/service-kit";
import type { Counter } from "prom-client";
import type { AttemptLimits } from "../ports/attempt-limits";
import type { OidcVerifier } from "../ports/oidc-verifier";
import type { UserStore } from "../ports/user-store";
import type { IdentityMail } from "../ports/mailer";

export interface Context extends ServiceContext {
  users: UserStore;
  /** Verifies ID tokens from the configured OpenID Connect provider; null when none is configured. */
  oidc: OidcVerifier | null;
  /** Sign-in attempts per account and sign-up attempts per email. */
  limits: AttemptLimits;
  /** Confirmation and notice mails, and where their links lead. */
  mail: IdentityMail;
  /** Sign-in attempts by outcome ("ok", "refused", "limited"). */
  signIns: Counter<"outcome">;
}

export const { router, publicProcedure, staffProcedure, createCallerFactory } = createServiceTrpc<Context>({
  service: "identity",
  displayName: "The identity service",
});
