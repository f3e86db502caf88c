// The signed-in person behind a shopper's call, from the verified service token and never from the
// input: staff may shop too, and review what they bought. Anonymous callers are told to sign in.
import { UnauthenticatedError, type Principal } from "@emporium/auth";

export function shopperOf(principal: Principal, doing = "review products"): string {
  if (principal.kind === "anonymous") throw new UnauthenticatedError(`Sign in to ${doing}`);
  return principal.userId;
}
