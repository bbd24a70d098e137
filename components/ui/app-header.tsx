import Link from "next/link";
import { NotificationBell } from "@/components/comments/notification-bell";
import type { SessionUser } from "@/lib/auth/session-user";
import { SignOutButton } from "./sign-out-button";

/** `adminHref` is set only for people whose role lets them administer an instrument. */
export function AppHeader({ user, adminHref = null }: { user: SessionUser; adminHref?: string | null }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      {/* On a phone the items wrap onto a second line rather than push "Sign out" off the screen. */}
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="font-semibold tracking-tight text-un hover:text-un-dark">
          Clausework
        </Link>
        <div className="flex min-w-0 flex-wrap items-center justify-end gap-x-4 gap-y-2 text-sm">
          {adminHref && (
            <Link href={adminHref} className="font-medium text-un hover:underline">
              Administration
            </Link>
          )}
          <NotificationBell />
          <span className="flex min-w-0 items-center gap-2" data-testid="signed-in-user">
            <span aria-hidden className="inline-block size-3 rounded-full" style={{ backgroundColor: user.colour }} />
            <span className="truncate font-medium">{user.name}</span>
            <span className="hidden truncate text-slate-600 md:inline">{user.organizationName}</span>
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
