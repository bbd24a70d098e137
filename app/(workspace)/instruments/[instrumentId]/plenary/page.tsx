// The plenary view of an instrument (components/plenary/plenary-screen.tsx): follows what the
// chair presents, for delegations' laptops and the room's projector. Anyone who sees the
// instrument may follow; the presented clause is never a restricted one (lib/plenary).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PlenaryScreen } from "@/components/plenary/plenary-screen";
import { requireUser } from "@/lib/auth/current-user";
import { findInstrumentAccess } from "@/lib/instruments/find-instrument-access";
import { can } from "@/lib/permissions/can";
import { currentPresentation } from "@/lib/plenary/presentations";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Plenary" };

export default async function PlenaryPage({ params }: { params: Promise<{ instrumentId: string }> }) {
  const { instrumentId } = await params;
  const access = await findInstrumentAccess(await requireUser(), instrumentId);
  if (!access || !can(access.actor, "instrument.view")) notFound();
  return <PlenaryScreen initial={currentPresentation(instrumentId)} />;
}
