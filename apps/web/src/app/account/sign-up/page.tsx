import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { MIN_PASSWORD_LENGTH } from "@emporium/auth";
import { safeReturnPath } from "@/return-path";
import { currentShopper } from "@/auth/session";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account", robots: { index: false } };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const next = safeReturnPath(params.next, "/account");
  // The order page offers a guest an account with the email she ordered with.
  const email = typeof params.email === "string" && params.email.length <= 254 ? params.email : "";
  if (await currentShopper()) redirect(next);
  return (
    <div className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-3xl font-semibold tracking-tight">Create an account</h1>
      <p className="mt-3 text-ink-muted">
        Your orders and addresses in one place, and your cart on every device.
      </p>
      <SignUpForm minPasswordLength={MIN_PASSWORD_LENGTH} defaultEmail={email} />
      <p className="mt-8 text-sm text-ink-muted">
        Have an account?{" "}
        <Link
          href={`/account/sign-in?next=${encodeURIComponent(next)}`}
          className="font-medium text-ink underline"
        >
          Sign in
        </Link>
      </p>
    </div>
  );
}
