// Why a person was mentioned in a comment: by name, or as one of a mentioned delegation's
// people — the bell says "mentioned you" or "mentioned your delegation (Canada)".
import { mentionedIn } from "./mentions";

export type MentionReason = { by: "person" } | { by: "delegation" };

export function mentionReason(body: string, person: { id: string; organizationId: string }): MentionReason | null {
  const { userIds, organizationIds } = mentionedIn(body);
  if (userIds.includes(person.id.toLowerCase())) return { by: "person" };
  if (organizationIds.includes(person.organizationId.toLowerCase())) return { by: "delegation" };
  return null;
}

/** The bell's words for a mention. */
export function mentionWording(reason: MentionReason | null, delegationName: string): string {
  return reason?.by === "delegation" ? `mentioned your delegation (${delegationName})` : "mentioned you";
}
