import "server-only";
// The door for instrument-level pages (administration): a person whose organisation does not
// take part, or whose role does not allow the action, sees the ordinary "not found" page.
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { findInstrumentAccess } from "@/lib/instruments/find-instrument-access";
import { type Action, can } from "@/lib/permissions/can";

export async function requireInstrumentPage(instrumentId: string, action: Action) {
  const user = await requireUser();
  const access = await findInstrumentAccess(user, instrumentId);
  if (!access || !can(access.actor, action)) notFound();
  return { user, ...access };
}
