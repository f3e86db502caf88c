"use client";
// Email and password, posted through next-auth; errors are shown in place and announced.
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@emporium/ui/alert";
import { Button } from "@emporium/ui/button";
import { TextField } from "@emporium/ui/text-field";

// next-auth's own codes, for errors that did not come from our authorize step.
const GENERIC: Record<string, string> = {
  CredentialsSignin: "Email or password is incorrect.",
  SessionRequired: "Sign in to continue.",
};

export function SignInForm({ initialError }: { initialError: string | null }) {
  const router = useRouter();
  const [error, setError] = useState(initialError ? (GENERIC[initialError] ?? initialError) : null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (result?.ok && !result.error) {
      router.replace("/");
      router.refresh();
      return;
    }
    setError(result?.error ? (GENERIC[result.error] ?? result.error) : "Sign-in failed; please try again.");
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="mt-8 flex flex-col gap-4" noValidate>
      {error && (
        <Alert tone="error" live="assertive">
          {error}
        </Alert>
      )}
      <TextField label="Email" name="email" type="email" autoComplete="username" required />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
