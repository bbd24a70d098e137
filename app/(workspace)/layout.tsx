import type { ReactNode } from "react";
import { AppHeader } from "@/components/ui/app-header";
import { requireUser } from "@/lib/auth/current-user";

export default async function WorkspaceLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <>
      <AppHeader user={user} />
      {children}
    </>
  );
}
