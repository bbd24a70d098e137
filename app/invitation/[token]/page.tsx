import type { Metadata } from "next";
import Link from "next/link";
import { SetPasswordForm } from "@/components/people/set-password-form";
import { findOpenInvitation } from "@/lib/people/find-invitation";
import { MIN_PASSWORD_LENGTH } from "@/lib/people/password-rules";

export const metadata: Metadata = { title: "Choose your password", referrer: "no-referrer" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findOpenInvitation(token);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-sm font-semibold uppercase tracking-wide text-un">Clausework</p>
        {invitation ? (
          <>
            <h1 className="mt-1 text-2xl font-semibold">Welcome, {invitation.name}</h1>
            <p className="mt-2 text-sm text-slate-600">
              Choose a password for <strong>{invitation.email}</strong>
              {invitation.organizationName && <> ({invitation.organizationName})</>}. This link works once.
            </p>
            <SetPasswordForm token={token} email={invitation.email} minLength={MIN_PASSWORD_LENGTH} />
          </>
        ) : (
          <>
            <h1 className="mt-1 text-2xl font-semibold">This link no longer works</h1>
            <p role="alert" className="mt-2 text-sm text-slate-600">
              It has been used already or has expired. Ask the secretariat for a new sign-in link.
            </p>
            <Link href="/signin" className="mt-4 inline-block text-sm text-un hover:underline">
              Go to sign-in
            </Link>
          </>
        )}
      </div>
    </main>
  );
}
