import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { listManagedInstruments } from "@/lib/instruments/list-managed-instruments";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminIndexPage() {
  const instruments = await listManagedInstruments(await requireUser());
  if (instruments.length === 0) notFound();
  if (instruments.length === 1) redirect(`/admin/${instruments[0].id}`);
  return (
    <main className="mx-auto max-w-6xl px-6 py-8">
      <h1 className="text-2xl font-semibold">Administration</h1>
      <ul className="mt-6 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {instruments.map((instrument) => (
          <li key={instrument.id}>
            <Link href={`/admin/${instrument.id}`} className="block px-4 py-3 hover:bg-slate-50">
              {instrument.title}
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}
