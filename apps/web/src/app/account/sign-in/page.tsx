import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@emporium/ui/alert";
import { signInErrorMessage } from "@/auth/messages";
import { safeReturnPath } from "@/return-path";
import { currentShopper } from "@/auth/session";
import { env } from "@/env";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const next = safeReturnPath(params.next, "/account");
  if (await currentShopper()) redirect(next);
  // Worded here, so the link's text never reaches the page, not even in its serialized props.
  const error = typeof params.error === "string" ? signInErrorMessage(params.error) : null;
  return (
    <div className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-3xl font-semibold tracking-tight">Sign in</h1>
      <p className="mt-3 text-ink-muted">
        See your orders, keep your addresses and find your cart on any device.
      </p>
      {params.confirmed === "1" && !error && (
        <Alert tone="success" live="polite" className="mt-8">
          Your email address is confirmed. Sign in to start using your account.
        </Alert>
      )}
      <SignInForm next={next} initialMessage={error} providerName={env.OIDC?.name ?? null} />
      <p className="mt-8 text-sm text-ink-muted">
        New here?{" "}
        <Link
          href={`/account/sign-up?next=${encodeURIComponent(next)}`}
          className="font-medium text-ink underline"
        >
          Create an account
        </Link>
      </p>
    </div>
  );
}
