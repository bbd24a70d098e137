import type { ReactNode } from "react";
import { SessionKeepAlive } from "@/components/auth/session-keep-alive";
import { LivePageRefresh } from "@/components/live/live-page-refresh";
import { AppHeader } from "@/components/ui/app-header";
import { requireUser } from "@/lib/auth/current-user";
import { listManagedInstruments } from "@/lib/instruments/list-managed-instruments";

export default async function WorkspaceLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const managed = await listManagedInstruments(user);
  return (
    <>
      <SessionKeepAlive />
      <LivePageRefresh />
      <AppHeader user={user} adminHref={managed.length > 0 ? "/admin" : null} />
      {children}
    </>
  );
}
