// The plenary view of an instrument (components/plenary/plenary-screen.tsx): follows what the
// chair presents, for delegations' laptops and the room's projector. Anyone who sees the
// instrument may follow; the presented clause is never a restricted one (lib/plenary), and one restricted while
// presented is not shown (presentation-seen-by.ts).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PlenaryScreen } from "@/components/plenary/plenary-screen";
import { requireUser } from "@/lib/auth/current-user";
import { findInstrumentAccess } from "@/lib/instruments/find-instrument-access";
import { can } from "@/lib/permissions/can";
import { presentationSeenBy } from "@/lib/plenary/presentation-seen-by";
import { currentPresentation } from "@/lib/plenary/presentations";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Plenary" };

export default async function PlenaryPage({ params }: { params: Promise<{ instrumentId: string }> }) {
  const { instrumentId } = await params;
  const user = await requireUser();
  const access = await findInstrumentAccess(user, instrumentId);
  if (!access || !can(access.actor, "instrument.view")) notFound();
  // Asked again of the person: the clause may have been restricted since it began to be presented.
  return <PlenaryScreen initial={await presentationSeenBy(user, currentPresentation(instrumentId))} />;
}
