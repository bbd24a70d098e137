// The article panel's one Save, on a real PostgreSQL: only what changed is saved and audited,
// and a refused part saves nothing of the rest.
import { beforeAll, describe, expect, it } from "vitest";
import { findSessionUser } from "@/lib/auth/find-session-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { freshClause } from "@/lib/collab/test-support/fresh-clause";
import { prisma } from "@/lib/db/prisma";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { saveArticle } from "./save-article";

let secretariat: SessionUser;
let clauseId: string;
let instrumentId: string;

beforeAll(async () => {
  await seedIfEmpty(prisma);
  const user = await prisma.user.findUniqueOrThrow({ where: { email: "secretariat@clausework.demo" } });
  secretariat = (await findSessionUser(user.id)) as SessionUser;
  clauseId = await freshClause("Article panel");
  instrumentId = (await prisma.clause.findUniqueOrThrow({ where: { id: clauseId } })).instrumentId;
});

async function trailOf(id: string) {
  return (await prisma.auditEvent.findMany({ where: { targetId: id }, orderBy: { id: "asc" } })).map((e) => e.action);
}

describe("saving an article's panel", () => {
  it("saves the status and the restriction together, auditing each, and leaves the rest alone", async () => {
    const clause = await prisma.clause.findUniqueOrThrow({ where: { id: clauseId } });
    const canada = await prisma.organization.findUniqueOrThrow({ where: { code: "CAN" } });
    const result = await saveArticle(secretariat, {
      instrumentId,
      clauseId,
      number: clause.number,
      title: clause.title,
      topics: clause.topics,
      status: "AGREED_AD_REF",
      organizationIds: [canada.id],
    });
    expect(result.changed).toEqual(["status", "restriction"]);
    const after = await prisma.clause.findUniqueOrThrow({ where: { id: clauseId }, include: { restrictions: true } });
    expect(after.status).toBe("AGREED_AD_REF");
    expect(after.restrictions.map((r) => r.organizationId)).toEqual([canada.id]);
    expect(await trailOf(clauseId)).toEqual(["clause.status-changed", "clause.restricted"]);

    // Saved again unchanged: nothing is written, nothing audited.
    const again = await saveArticle(secretariat, {
      instrumentId,
      clauseId,
      number: clause.number,
      title: clause.title,
      topics: clause.topics,
      status: "AGREED_AD_REF",
      organizationIds: [canada.id],
    });
    expect(again.changed).toEqual([]);
    expect(await trailOf(clauseId)).toHaveLength(2);
  });

  it("saves nothing when one part is refused", async () => {
    const clause = await prisma.clause.findUniqueOrThrow({ where: { id: clauseId } });
    await expect(
      saveArticle(secretariat, {
        instrumentId,
        clauseId,
        number: clause.number,
        title: "A new title",
        topics: [],
        status: "OPEN",
        organizationIds: ["00000000-0000-4000-8000-000000000000"],
      }),
    ).rejects.toThrow();
    const after = await prisma.clause.findUniqueOrThrow({ where: { id: clauseId } });
    expect(after.title).toBe("Article panel");
    expect(after.status).toBe("AGREED_AD_REF");
  });
});
