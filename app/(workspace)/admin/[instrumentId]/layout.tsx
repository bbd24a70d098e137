import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth/current-user";
import { findInstrumentAccess } from "@/lib/instruments/find-instrument-access";
import { ADMIN_ACTIONS } from "@/lib/instruments/list-managed-instruments";
import { can } from "@/lib/permissions/can";

export default async function AdminLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ instrumentId: string }>;
}) {
  const { instrumentId } = await params;
  const access = await findInstrumentAccess(await requireUser(), instrumentId);
  if (!access || !ADMIN_ACTIONS.some((action) => can(access.actor, action))) notFound();
  const tabs = [
    { href: `/admin/${instrumentId}`, label: "Text and clauses", action: "clause.manage" as const },
    { href: `/admin/${instrumentId}/import`, label: "Import from Word", action: "clause.manage" as const },
    { href: `/admin/${instrumentId}/people`, label: "Delegations and people", action: "members.manage" as const },
    { href: `/admin/${instrumentId}/glossary`, label: "Glossary", action: "glossary.manage" as const },
    {
      href: `/admin/${instrumentId}/agreed-language`,
      label: "Agreed language",
      action: "agreedLanguage.manage" as const,
    },
    { href: `/admin/${instrumentId}/audit`, label: "Audit trail", action: "audit.view" as const },
  ].filter((tab) => can(access.actor, tab.action));
  return (
    <main className="mx-auto max-w-6xl px-6 py-6">
      <p className="text-sm text-slate-500">Administration</p>
      <h1 className="mt-1 text-2xl font-semibold">{access.instrument.title}</h1>
      <nav aria-label="Administration" className="mt-4 flex gap-1 border-b border-slate-200 text-sm">
        {tabs.map((tab) => (
          <Link key={tab.href} href={tab.href} className="rounded-t-md px-3 py-2 text-slate-700 hover:bg-slate-100">
            {tab.label}
          </Link>
        ))}
      </nav>
      <div className="mt-6">{children}</div>
    </main>
  );
}
