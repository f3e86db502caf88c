"use client";
// Email and password through next-auth, or single sign-on when a provider is configured. Every sign-in
// ends at /account/welcome, which brings the cart along.
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Alert } from "@emporium/ui/alert";
import { Button } from "@emporium/ui/button";
import { TextField } from "@emporium/ui/text-field";
import { SIGN_IN_FAILED_MESSAGE, signInErrorMessage } from "@/auth/messages";

export function welcomeUrl(next: string): string {
  return `/account/welcome?next=${encodeURIComponent(next)}`;
}

export function SignInForm({
  next,
  initialMessage,
  providerName,
}: {
  next: string;
  /** What to say on arrival (the sign-in page words its ?error= code). */
  initialMessage: string | null;
  providerName: string | null;
}) {
  const [error, setError] = useState(initialMessage);
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
    if (result?.ok && !result.error) {
      window.location.assign(welcomeUrl(next));
      return;
    }
    setPending(false);
    setError(result?.error ? signInErrorMessage(result.error) : SIGN_IN_FAILED_MESSAGE);
  }

  return (
    <form
      onSubmit={(e) => void submit(e)}
      aria-label="Sign in"
      className="mt-8 flex flex-col gap-4"
      noValidate
    >
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
      {providerName && (
        <>
          <p className="text-center text-sm text-ink-muted">or</p>
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() => {
              setPending(true);
              void signIn("oidc", { callbackUrl: welcomeUrl(next) });
            }}
          >
            Sign in with {providerName}
          </Button>
        </>
      )}
    </form>
  );
}
