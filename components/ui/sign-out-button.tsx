"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/signin" })}
      className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2"
    >
      Sign out
    </button>
  );
}
