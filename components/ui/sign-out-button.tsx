"use client";

import { signOut } from "next-auth/react";
import { forgetKeptEdits } from "@/lib/kept-edits/kept-edit-store";

export function SignOutButton() {
  return (
    <button
      type="button"
      // Edits kept on this device for offline use are this person's: they do not outlive the session.
      onClick={async () => {
        await forgetKeptEdits();
        await signOut({ callbackUrl: "/signin" });
      }}
      className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2"
    >
      Sign out
    </button>
  );
}
