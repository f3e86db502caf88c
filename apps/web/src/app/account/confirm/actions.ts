"use server";
// Confirming an account's email address with the token from the mailed link. A button press, not the
// page load, spends the token: mail scanners that open links must not use it up. Confirmed, the
// shopper signs in; refused, identity's words say why (used, expired, not valid) and what to do.
import { TRPCClientError } from "@trpc/client";
import { redirect } from "next/navigation";
import { createIdentityClient } from "@emporium/identity/client";
import { env } from "@/env";

export interface ConfirmState {
  message: string | null;
}

const identity = createIdentityClient(env.IDENTITY_URL);

/** Where a confirmed shopper goes: the sign-in page, which says the address is confirmed. */
const CONFIRMED_PATH = "/account/sign-in?confirmed=1";
/** Said for a token identity's schema refuses (not in the links' format). */
const INVALID_LINK =
  "This confirmation link is not valid: open the link from the mail exactly as it was sent";

export async function confirmEmail(_prev: ConfirmState, form: FormData): Promise<ConfirmState> {
  try {
    await identity.auth.confirmEmail.mutate({ token: String(form.get("token") ?? "") });
  } catch (error) {
    if (!(error instanceof TRPCClientError)) throw error;
    if (error.data?.code === "BAD_REQUEST")
      return { message: error.message.replace(/^token: /, "").replace(/^must be .*/, INVALID_LINK) };
    return { message: "Your address cannot be confirmed right now; please try again in a moment." };
  }
  redirect(CONFIRMED_PATH);
}
