"use server";
// Setting a password through a one-time link. No session: the link's token is the permission.
import { acceptInvitation } from "@/lib/people/accept-invitation";

export async function acceptInvitationAction(input: unknown) {
  return acceptInvitation(input);
}
