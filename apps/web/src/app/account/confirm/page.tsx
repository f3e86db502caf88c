// /account/confirm?token=… — where the link in a sign-up mail leads. The page only shows a button;
// pressing it confirms the address (see actions.ts) and goes on to sign in.
import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@emporium/ui/alert";
import { ConfirmForm } from "./confirm-form";

export const metadata: Metadata = {
  title: "Confirm your email address",
  robots: { index: false },
  // The token must not travel to other sites in a Referer.
  referrer: "no-referrer",
};

export default async function ConfirmPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  return (
    <div className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-3xl font-semibold tracking-tight">Confirm your email address</h1>
      {typeof token === "string" && token !== "" ? (
        <>
          <p className="mt-3 text-ink-muted">One step left: confirm, then sign in to your new account.</p>
          <ConfirmForm token={token} />
        </>
      ) : (
        <Alert tone="error" className="mt-8">
          This link has no confirmation token: open the link from the mail exactly as it was sent.
        </Alert>
      )}
      <p className="mt-8 text-sm text-ink-muted">
        Already confirmed?{" "}
        <Link href="/account/sign-in" className="font-medium text-ink underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}
