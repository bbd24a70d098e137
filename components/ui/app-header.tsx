import Link from "next/link";
import { NotificationBell } from "@/components/comments/notification-bell";
import type { SessionUser } from "@/lib/auth/session-user";
import { SignOutButton } from "./sign-out-button";

/** `adminHref` is set only for people whose role lets them administer an instrument. */
export function AppHeader({ user, adminHref = null }: { user: SessionUser; adminHref?: string | null }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-6 py-3">
        <Link href="/" className="font-semibold tracking-tight text-un hover:text-un-dark">
          Clausework
        </Link>
        <div className="flex items-center gap-4 text-sm">
          {adminHref && (
            <Link href={adminHref} className="font-medium text-un hover:underline">
              Administration
            </Link>
          )}
          <NotificationBell />
          <span className="flex items-center gap-2" data-testid="signed-in-user">
            <span aria-hidden className="inline-block size-3 rounded-full" style={{ backgroundColor: user.colour }} />
            <span className="font-medium">{user.name}</span>
            <span className="text-slate-500">{user.organizationName}</span>
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
