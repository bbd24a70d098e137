import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { isOidcConfigured } from "@/lib/auth/options";
import { returnPath } from "@/lib/auth/return-path";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; next?: string | string[] }>;
}) {
  const { error, next } = await searchParams;
  // Back to the page whose session ended (a clause with edits kept on the device), or home.
  const returnTo = returnPath(next);
  if (await getCurrentUser()) redirect(returnTo);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-sm font-semibold uppercase tracking-wide text-un">Clausework</p>
        <h1 className="mt-1 text-2xl font-semibold">Sign in to the drafting room</h1>
        <p className="mt-2 text-sm text-slate-600">Use the account your secretariat gave your delegation.</p>
        <SignInForm
          oidc={isOidcConfigured() ? (process.env.OIDC_NAME ?? "Single sign-on") : null}
          initialError={error ?? null}
          returnTo={returnTo}
        />
      </div>
    </main>
  );
}
