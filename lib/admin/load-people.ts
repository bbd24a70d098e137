import "server-only";
// The organisations taking part in an instrument and their people, for the members page.
// Whether someone has a password is read as a yes/no in the database: no hash ever leaves it.
// What the viewer may do with each account (and which organisations they may invite into, move
// people to, or attach) is decided by the permissions module, from the instruments each reaches.
import type { SessionUser } from "@/lib/auth/session-user";
import { prisma } from "@/lib/db/prisma";
import { canActOnAccount, canAttachOrganization } from "@/lib/permissions/can";
import { accountActor } from "./account-reach";

export async function loadPeople(instrumentId: string, viewer: Pick<SessionUser, "id" | "organizationId">) {
  const participants = await prisma.participant.findMany({
    where: { instrumentId },
    include: { organization: { select: { id: true, name: true, code: true, kind: true, colour: true } } },
    orderBy: { organization: { name: "asc" } },
  });
  const organizationIds = participants.map((p) => p.organizationId);
  const people = await prisma.user.findMany({
    where: { memberships: { some: { organizationId: { in: organizationIds } } } },
    select: {
      id: true,
      name: true,
      email: true,
      active: true,
      memberships: {
        select: {
          organization: {
            select: { id: true, code: true, name: true, participants: { select: { instrumentId: true } } },
          },
        },
        orderBy: { createdAt: "asc" },
      },
      invitations: { where: { usedAt: null, expiresAt: { gt: new Date() } }, select: { expiresAt: true } },
    },
    orderBy: [{ name: "asc" }],
  });
  const withPassword = new Set(
    (
      await prisma.user.findMany({
        where: { id: { in: people.map((p) => p.id) }, passwordHash: { not: null } },
        select: { id: true },
      })
    ).map((u) => u.id),
  );
  const otherOrganizations = await prisma.organization.findMany({
    where: { id: { notIn: organizationIds } },
    select: { id: true, name: true, code: true, participants: { select: { instrumentId: true } } },
    orderBy: { name: "asc" },
  });
  const actor = await accountActor(prisma, viewer);
  const mayReach = (instrumentIds: string[]) => canActOnAccount(actor, { instrumentIds: [...new Set(instrumentIds)] });
  const reachOf = await prisma.participant.findMany({
    where: { organizationId: { in: organizationIds } },
    select: { organizationId: true, instrumentId: true },
  });
  const instrumentsOf = (organizationId: string) =>
    reachOf.filter((p) => p.organizationId === organizationId).map((p) => p.instrumentId);
  return {
    participants: participants.map((participant) => ({
      ...participant,
      /** May the viewer invite people into it, or move people to it? */
      mayJoin: mayReach(instrumentsOf(participant.organizationId)),
    })),
    otherOrganizations: otherOrganizations.map(({ participants: parts, ...organization }) => ({
      ...organization,
      /** May the viewer attach it here? Not when it takes part in an instrument they do not manage. */
      mayAttach: canAttachOrganization(actor, { alreadyIn: parts.map((p) => p.instrumentId) }),
    })),
    people: people.map(({ invitations, memberships, ...person }) => ({
      ...person,
      memberships: memberships.map(({ organization: { participants: _, ...organization } }) => ({ organization })),
      hasPassword: withPassword.has(person.id),
      invitationOpen: invitations.length > 0,
      /** May the viewer issue a sign-in link, deactivate or move them? */
      mayChangeAccount: mayReach(memberships.flatMap((m) => m.organization.participants.map((p) => p.instrumentId))),
    })),
  };
}
