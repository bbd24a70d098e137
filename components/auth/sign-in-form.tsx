"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "The email or password is not correct.",
  TooManyAttempts:
    "Too many failed sign-ins for this account from here, or from this network. Wait 15 minutes, or ask the secretariat for a new sign-in link.",
  NotRegistered: "Your organisation's sign-on worked, but this email has no Clausework account. Ask the secretariat.",
  EmailNotVerified:
    "Your organisation's sign-on did not confirm that this email address is verified, so it cannot sign you in here. Ask your IT service, or the secretariat for a sign-in link.",
};

export function SignInForm({
  oidc,
  initialError,
  returnTo = "/",
}: {
  oidc: string | null;
  initialError: string | null;
  /** Where to go once signed in (lib/auth/return-path.ts checked it is this site's). */
  returnTo?: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(
    initialError ? (MESSAGES[initialError] ?? "Sign-in failed. Try again.") : null,
  );
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    }).catch(() => null);
    setBusy(false);
    if (result?.ok && !result.error) {
      router.replace(returnTo);
      router.refresh();
      return;
    }
    if (!result) return setError("The server could not be reached. Try again in a moment.");
    setError(MESSAGES[result.error ?? ""] ?? MESSAGES.CredentialsSignin);
  }

  return (
    <div className="mt-6 space-y-4">
      <form onSubmit={submit} className="space-y-4" noValidate>
        <label className="block text-sm font-medium">
          Email
          <input
            name="email"
            type="email"
            autoComplete="username"
            required
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 focus:border-un focus:outline-none focus:ring-2 focus:ring-un/30"
          />
        </label>
        <label className="block text-sm font-medium">
          Password
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 focus:border-un focus:outline-none focus:ring-2 focus:ring-un/30"
          />
        </label>
        {error && (
          <p role="alert" data-testid="sign-in-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {error}
          </p>
        )}
        <button
          type="submit"
          disabled={busy}
          className="w-full rounded-md bg-un px-4 py-2 font-medium text-white hover:bg-un-dark disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2"
        >
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {oidc && (
        <button
          type="button"
          onClick={() => signIn("oidc", { callbackUrl: returnTo })}
          className="w-full rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-50"
        >
          Sign in with {oidc}
        </button>
      )}
    </div>
  );
}
