// The secretariat's glossary on a real PostgreSQL: what a term's card puts into a clause (its
// preferred wording) must be words the collaboration server accepts, so a term or a preferred
// wording keeps no invisible characters — pasted from a document, a zero-width space or a
// text-direction control would otherwise make every "Propose the preferred wording" refused.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { findSessionUser } from "@/lib/auth/find-session-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { prisma } from "@/lib/db/prisma";
import { DEMO_INSTRUMENT } from "@/lib/seed/demo-instrument";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { saveGlossaryTerm } from "./save-glossary-term";

let chair: SessionUser;
let instrumentId: string;

beforeAll(async () => {
  await seedIfEmpty(prisma);
  const { id } = await prisma.user.findUniqueOrThrow({ where: { email: "chair@clausework.demo" } });
  chair = (await findSessionUser(id)) as SessionUser;
  instrumentId = (await prisma.instrument.findFirstOrThrow({ where: { slug: DEMO_INSTRUMENT.slug } })).id;
});

describe("saving a glossary term", () => {
  it("takes invisible characters out of every field", async () => {
    const word = `zz${randomUUID().slice(0, 6)}`;
    const { termId } = await saveGlossaryTerm(chair, {
      instrumentId,
      term: `${word}\u200B pornography`,
      preferred: "child sexual\u2066 abuse material\uFEFF",
      rationale: "Reads \u202Ereversed",
      source: "Luxembourg\u200D Guidelines",
    });
    expect(await prisma.glossaryTerm.findUniqueOrThrow({ where: { id: termId } })).toMatchObject({
      term: `${word} pornography`,
      preferred: "child sexual abuse material",
      rationale: "Reads reversed",
      source: "Luxembourg Guidelines",
    });
  });

  it("refuses a term or a preferred wording of invisible characters alone", async () => {
    await expect(saveGlossaryTerm(chair, { instrumentId, term: "\u200B\u200C", preferred: "x" })).rejects.toMatchObject(
      { code: "invalid_input" },
    );
    await expect(
      saveGlossaryTerm(chair, { instrumentId, term: `zz${randomUUID().slice(0, 6)}`, preferred: "\u2066\u2069" }),
    ).rejects.toMatchObject({ code: "invalid_input" });
  });
});
