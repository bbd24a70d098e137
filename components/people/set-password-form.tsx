"use client";
// The invited person chooses a password, then is signed in with it straight away.
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { acceptInvitationAction } from "@/app/invitation/[token]/actions";

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 focus:border-un focus:outline-none focus:ring-2 focus:ring-un/30";

export function SetPasswordForm({ token, email, minLength }: { token: string; email: string; minLength: number }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    if (password !== String(form.get("confirm") ?? "")) return setError("The two passwords are not the same.");
    setBusy(true);
    setError(null);
    const result = await acceptInvitationAction({ token, password }).catch(() => null);
    if (!result?.ok) {
      setBusy(false);
      return setError(result ? result.error : "The server could not be reached. Try again in a moment.");
    }
    const signedIn = await signIn("credentials", { email, password, redirect: false }).catch(() => null);
    if (signedIn?.ok && !signedIn.error) {
      router.replace("/");
      router.refresh();
      return;
    }
    router.replace("/signin");
  }

  return (
    <form onSubmit={submit} className="mt-6 space-y-4" noValidate>
      <label className="block text-sm font-medium">
        New password
        <input
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={minLength}
          required
          className={inputClass}
        />
      </label>
      <label className="block text-sm font-medium">
        The same password again
        <input
          name="confirm"
          type="password"
          autoComplete="new-password"
          minLength={minLength}
          required
          className={inputClass}
        />
      </label>
      <p className="text-xs text-slate-500">
        At least {minLength} characters. A passphrase of several words is easiest.
      </p>
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={busy}
        className="w-full rounded-md bg-un px-4 py-2 font-medium text-white hover:bg-un-dark disabled:opacity-60"
      >
        {busy ? "Saving…" : "Set password and sign in"}
      </button>
    </form>
  );
}
