import type { Metadata } from "next";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "@/auth/options";
import { signInErrorMessage } from "@/auth/messages";
import { env } from "@/env";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

interface SignInPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const session = await getServerSession(authOptions());
  if (session?.staff) redirect("/");
  const params = await searchParams;
  // Worded here, so the link's text never reaches the page, not even in its serialized props.
  const error = typeof params.error === "string" ? signInErrorMessage(params.error) : null;
  return (
    <main
      id="main"
      tabIndex={-1}
      className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-6 py-12"
    >
      <p className="text-lg font-bold tracking-tight">Emporium</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">Sign in to the merchant admin</h1>
      <SignInForm initialMessage={error} providerName={env.OIDC?.name ?? null} />
    </main>
  );
}
