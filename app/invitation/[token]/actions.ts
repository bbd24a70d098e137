"use server";
// Setting a password through a one-time link. No session: the link's token is the permission,
// so this door skips the session step; its refusals are mapped as every door's are.
import type { DoorResult } from "@/lib/doors/door-result";
import { refusalOf } from "@/lib/doors/refusal";
import { acceptInvitation } from "@/lib/people/accept-invitation";

export async function acceptInvitationAction(input: unknown): Promise<DoorResult<{ email: string }>> {
  try {
    return { ok: true, value: await acceptInvitation(input) };
  } catch (error) {
    return refusalOf("person.accept-invitation", error);
  }
}
