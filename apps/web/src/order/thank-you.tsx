// The order page just after checkout: thanks with the order number, and, for a guest, an account made
// from the email she already gave (the sign-up page, prefilled, brings her back to this order).
import Link from "next/link";
import { buttonStyles } from "@emporium/ui/button";
import { orderPath } from "@/session/cookies";

/** The order page's query flag for "just placed" (set by checkout's redirect). */
export const PLACED_PARAM = "placed";

export function signUpPathFor(email: string, orderId: string): string {
  const query = new URLSearchParams({ email, next: orderPath(orderId) });
  return `/account/sign-up?${query.toString()}`;
}

export interface ThankYouProps {
  orderId: string;
  number: string;
  email: string;
  /** A signed-in shopper has an account already: the order is in it. */
  signedIn: boolean;
}

export function ThankYou({ orderId, number, email, signedIn }: ThankYouProps) {
  return (
    <section
      aria-labelledby="thank-you-heading"
      data-testid="thank-you"
      className="mb-8 rounded-2xl border border-success-200 bg-success-50 p-6"
    >
      <p id="thank-you-heading" className="text-xl font-semibold tracking-tight">
        Thank you — your order {number} is placed
      </p>
      <p className="mt-2 text-sm text-ink-muted">
        Keep the number to look it up with {email}; this page follows your order until it arrives.
      </p>
      {signedIn ? (
        <p className="mt-4 text-sm">
          It is in{" "}
          <Link href="/account" className="font-medium underline">
            your account
          </Link>
          .
        </p>
      ) : (
        <div className="mt-4 flex flex-wrap items-center gap-3 text-sm">
          <span>Save your details for next time and follow every order in one place.</span>
          <Link href={signUpPathFor(email, orderId)} className={buttonStyles({ size: "sm" })}>
            Create an account with {email}
          </Link>
        </div>
      )}
    </section>
  );
}
