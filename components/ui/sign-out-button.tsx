"use client";

import { forgetKeptEdits } from "@/lib/kept-edits/kept-edit-store";

export function SignOutButton() {
  return (
    <button
      type="button"
      // Edits kept on this device for offline use are this person's: they do not outlive the session.
      onClick={async () => {
        await forgetKeptEdits();
        // next-auth's client is loaded only now: every page carries this button, few press it.
        const { signOut } = await import("next-auth/react");
        await signOut({ callbackUrl: "/signin" });
      }}
      className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2"
    >
      Sign out
    </button>
  );
}
