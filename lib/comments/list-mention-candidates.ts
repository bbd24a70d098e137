// Who can be mentioned in an instrument: the delegations taking part and their people
// (Participant → Organization → Membership → User).
import { prisma } from "@/lib/db/prisma";

export type MentionCandidate = {
  kind: "user" | "org";
  id: string;
  /** What the mention shows: a person's name, or a delegation's name ("@Canada"). */
  label: string;
  /** What else the list shows, and what typing after "@" also finds: the person's delegation, or the delegation's code. */
  detail: string;
};

export async function listMentionCandidates(instrumentId: string): Promise<MentionCandidate[]> {
  const participants = await prisma.participant.findMany({
    where: { instrumentId },
    include: {
      organization: {
        include: {
          memberships: { where: { user: { active: true } }, include: { user: { select: { id: true, name: true } } } },
        },
      },
    },
  });
  const delegations: MentionCandidate[] = [];
  const people: MentionCandidate[] = [];
  for (const { organization } of participants) {
    delegations.push({ kind: "org", id: organization.id, label: organization.name, detail: organization.code });
    for (const { user } of organization.memberships) {
      people.push({ kind: "user", id: user.id, label: user.name, detail: organization.code });
    }
  }
  const byLabel = (a: MentionCandidate, b: MentionCandidate) => a.label.localeCompare(b.label);
  return [...people.sort(byLabel), ...delegations.sort(byLabel)];
}
