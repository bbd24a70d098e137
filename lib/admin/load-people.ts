import "server-only";
// The organisations taking part in an instrument and their people, for the members page.
// Whether someone has a password is read as a yes/no in the database: no hash ever leaves it.
import { prisma } from "@/lib/db/prisma";

export async function loadPeople(instrumentId: string) {
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
        select: { organization: { select: { id: true, code: true, name: true } } },
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
    select: { id: true, name: true, code: true },
    orderBy: { name: "asc" },
  });
  return {
    participants,
    otherOrganizations,
    people: people.map(({ invitations, ...person }) => ({
      ...person,
      hasPassword: withPassword.has(person.id),
      invitationOpen: invitations.length > 0,
    })),
  };
}
