// The library of agreed language on a real PostgreSQL: an entry's text is what "Insert as a
// proposal" puts into a clause, so it must be words the collaboration server accepts — an entry
// keeps no invisible characters (a zero-width space or text-direction control pasted from a
// treaty's PDF would otherwise make every insertion of it refused), in any of its fields.
import { beforeAll, describe, expect, it } from "vitest";
import { findSessionUser } from "@/lib/auth/find-session-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { prisma } from "@/lib/db/prisma";
import { DEMO_INSTRUMENT } from "@/lib/seed/demo-instrument";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { saveAgreedLanguage } from "./save-agreed-language";

let chair: SessionUser;
let instrumentId: string;

beforeAll(async () => {
  await seedIfEmpty(prisma);
  const { id } = await prisma.user.findUniqueOrThrow({ where: { email: "chair@clausework.demo" } });
  chair = (await findSessionUser(id)) as SessionUser;
  instrumentId = (await prisma.instrument.findFirstOrThrow({ where: { slug: DEMO_INSTRUMENT.slug } })).id;
});

describe("saving an entry of agreed language", () => {
  it("takes invisible characters out of every field", async () => {
    const { entryId } = await saveAgreedLanguage(chair, {
      instrumentId,
      source: "UN\u200BTOC",
      article: "art.\u2066 24(1)",
      text: "Each State Party shall\u200B take appropriate measures\u202E.",
      topic: "victims\uFEFF",
    });
    expect(await prisma.agreedLanguageEntry.findUniqueOrThrow({ where: { id: entryId } })).toMatchObject({
      source: "UNTOC",
      article: "art. 24(1)",
      text: "Each State Party shall take appropriate measures.",
      topic: "victims",
    });
  });

  it("refuses a text of invisible characters alone", async () => {
    await expect(
      saveAgreedLanguage(chair, { instrumentId, source: "UNTOC", article: "art. 1", text: "\u200B\u202E" }),
    ).rejects.toMatchObject({ code: "invalid_input" });
  });
});
