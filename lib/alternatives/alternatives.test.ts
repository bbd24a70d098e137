// Alternatives on the real collaboration server, with real providers over a websocket and a real
// PostgreSQL: a delegation proposes another wording for agreed words and everyone sees Alt 1
// marked at once; another adds Alt 3; delegations support (one each per set); only the chair
// chooses — Alt 2 chosen replaces the words for everyone, the set and its supporters go to the
// clause's history; a mark a client writes itself is refused with nothing stored.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { findSessionUser } from "@/lib/auth/find-session-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { paragraphsOf } from "@/lib/clause-model/clause-model";
import { readClause } from "@/lib/clause-model/read-clause";
import { appendClauseUpdate, loadClauseState } from "@/lib/collab/clause-store";
import { registerCollabInstance } from "@/lib/collab/collab-instance";
import { eventually, openClause } from "@/lib/collab/test-support/clause-client";
import { type CollabTestServer, startCollabTestServer } from "@/lib/collab/test-support/collab-test-server";
import { freshClause as copyOfDemoClause } from "@/lib/collab/test-support/fresh-clause";
import { selectWords } from "@/lib/comments/test-clause-doc";
import { prisma } from "@/lib/db/prisma";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";
import { AppError } from "@/lib/errors/app-error";
import { clauseText } from "@/lib/exports/clause-text";
import { numberedParagraphs } from "@/lib/paragraph-status/numbered-paragraphs";
import { setParagraphStatus } from "@/lib/paragraph-status/set-paragraph-status";
import { isRefusedEdit } from "@/lib/proposals/refused-edit-message";
import { freshClause, type Person, person } from "@/lib/proposals/test-support/decision-room";
import { locate } from "@/lib/proposals/test-support/yjs-proposals";

import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { addAlternative } from "./add-alternative";
import { countOpenAlternatives, openAlternativeSets } from "./alternative-sets";
import { alternativesChosen } from "./alternatives-chosen";
import { chooseAlternative } from "./choose-alternative";
import { createAlternatives, MAX_OPEN_SETS } from "./create-alternatives";
import { supportAlternative } from "./support-alternative";

let server: CollabTestServer;
let chair: Person;
let australia: Person;
let canada: Person;
const as: Record<"chair" | "secretariat" | "australia" | "canada" | "germany" | "observer", SessionUser> = {} as never;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "collab-test-secret";
  await seedIfEmpty(prisma);
  [chair, australia, canada] = await Promise.all(
    ["chair", "australia", "canada"].map((n) => person(`${n}@clausework.demo`)),
  );
  for (const name of ["chair", "secretariat", "australia", "canada", "germany", "observer"] as const) {
    const { id } = await prisma.user.findUniqueOrThrow({ where: { email: `${name}@clausework.demo` } });
    as[name] = (await findSessionUser(id)) as SessionUser;
  }
  server = await startCollabTestServer();
  registerCollabInstance(server.collab);
});

afterAll(async () => {
  await server?.stop();
});

async function storedDoc(clauseId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const state = await loadClauseState(clauseId);
  if (state) Y.applyUpdate(doc, state);
  return doc;
}

const setsIn = (doc: Y.Doc) =>
  new Set(
    [...paragraphsOf(readClause(doc).blocks)].flatMap((p) =>
      p.inlines.flatMap((i) => (i.type === "text" && i.alternatives ? [i.alternatives] : [])),
    ),
  );

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof AppError ? { code: error.code, message: error.message } : error),
  );

const TEXT = "States shall criminalize child sexual abuse material in all its forms.";

async function clauseWithSet() {
  const clauseId = await freshClause(server.url, chair, [TEXT]);
  const { setId } = await createAlternatives(as.australia, {
    clauseId,
    ...selectWords(await storedDoc(clauseId), "child sexual abuse material"),
    wording: "child pornography",
  });
  return { clauseId, setId };
}

describe("alternatives, from proposal to the chair's choice", () => {
  it("proposes, adds, supports and chooses Alt 2: the words replaced for everyone, the rest to history", async () => {
    const clauseId = await freshClause(server.url, chair, [TEXT]);
    const watcher = openClause(server.url, clauseId, canada.cookie);
    await watcher.saved();
    expect(
      await refusal(
        createAlternatives(as.observer, {
          clauseId,
          ...selectWords(await storedDoc(clauseId), "child sexual abuse material"),
          wording: "x",
        }),
      ),
    ).toMatchObject({ code: "forbidden" });
    const { setId, quote } = await createAlternatives(as.australia, {
      clauseId,
      ...selectWords(await storedDoc(clauseId), "child sexual abuse material"),
      wording: "child pornography",
    });
    expect(quote).toBe("child sexual abuse material");
    // Live: Alt 1 is marked in an open client at once.
    await eventually(async () => setsIn(watcher.doc).has(setId));
    expect((await countOpenAlternatives([clauseId])).get(clauseId)).toBe(1);
    await addAlternative(as.canada, { clauseId, setId, wording: "child sexual exploitation material" });
    expect(await refusal(addAlternative(as.canada, { clauseId, setId, wording: "child pornography" }))).toMatchObject({
      code: "conflict",
    });
    let [set] = await openAlternativeSets([clauseId]);
    expect(set.options.map((o) => [o.position, o.text, o.sponsor])).toEqual([
      [1, "child sexual abuse material", null],
      [2, "child pornography", "AUS"],
      [3, "child sexual exploitation material", "CAN"],
    ]);
    // One support per delegation per set: supporting another option moves it; it can be withdrawn.
    const [alt1, alt2, alt3] = set.options;
    await supportAlternative(as.germany, { clauseId, setId, optionId: alt1.id });
    await supportAlternative(as.germany, { clauseId, setId, optionId: alt2.id });
    await supportAlternative(as.australia, { clauseId, setId, optionId: alt2.id });
    await supportAlternative(as.canada, { clauseId, setId, optionId: alt3.id });
    await supportAlternative(as.canada, { clauseId, setId, optionId: null });
    expect(await refusal(supportAlternative(as.observer, { clauseId, setId, optionId: alt1.id }))).toMatchObject({
      code: "forbidden",
    });
    [set] = await openAlternativeSets([clauseId]);
    expect(set.options.map((o) => o.supporters)).toEqual([[], ["AUS", "DEU"], []]);
    // Only the chair chooses.
    expect(await refusal(chooseAlternative(as.australia, { clauseId, setId, optionId: alt2.id }))).toMatchObject({
      code: "forbidden",
    });
    await chooseAlternative(as.chair, { clauseId, setId, optionId: alt2.id });
    const expected = "States shall criminalize child pornography in all its forms.";
    await eventually(async () => clauseText(readClause(watcher.doc)) === expected);
    expect(setsIn(watcher.doc).size).toBe(0);
    expect(clauseText(readClause(await storedDoc(clauseId)))).toBe(expected);
    expect((await countOpenAlternatives([clauseId])).get(clauseId) ?? 0).toBe(0);
    expect(await refusal(chooseAlternative(as.chair, { clauseId, setId, optionId: alt1.id }))).toMatchObject({
      code: "conflict",
    });
    // The history (lib/readings/clause-history.ts reads these entries) keeps every option with its sponsors and supporters.
    const entry = (await alternativesChosen(clauseId))[0];
    expect(entry).toMatchObject({
      chosen: 2,
      chosenBy: as.chair.name,
      options: [
        { position: 1, text: "child sexual abuse material", supporters: [] },
        { position: 2, text: "child pornography", sponsor: "AUS", supporters: ["AUS", "DEU"] },
        { position: 3, text: "child sexual exploitation material", sponsor: "CAN" },
      ],
    });
    expect(await prisma.auditEvent.count({ where: { action: "alternatives.chosen", targetId: clauseId } })).toBe(1);
    watcher.destroy();
  });

  it("choosing Alt 1 takes the mark off and keeps the words", async () => {
    const { clauseId, setId } = await clauseWithSet();
    const [set] = await openAlternativeSets([clauseId]);
    await chooseAlternative(as.chair, { clauseId, setId, optionId: set.options[0].id });
    const doc = await storedDoc(clauseId);
    expect(setsIn(doc).size).toBe(0);
    expect(clauseText(readClause(doc))).toBe(TEXT);
  });
});

describe("two chairs at once", () => {
  it("choosing different options of one set: one choice stands, the other is told, the text reads one wording", async () => {
    const { clauseId, setId } = await clauseWithSet();
    await addAlternative(as.canada, { clauseId, setId, wording: "child sexual exploitation material" });
    const [set] = await openAlternativeSets([clauseId]);
    const outcomes = await Promise.all([
      refusal(chooseAlternative(as.chair, { clauseId, setId, optionId: set.options[1].id })),
      refusal(chooseAlternative(as.secretariat, { clauseId, setId, optionId: set.options[2].id })),
    ]);
    expect(outcomes.filter((outcome) => outcome === null)).toHaveLength(1);
    expect(outcomes.find((outcome) => outcome !== null)).toMatchObject({ code: "conflict" });
    const chosen = await prisma.alternativeSet.findUniqueOrThrow({ where: { id: setId } });
    const wording = set.options.find((option) => option.id === chosen.chosenOptionId)?.text;
    expect(clauseText(readClause(await storedDoc(clauseId)))).toBe(
      `States shall criminalize ${wording} in all its forms.`,
    );
    expect(await prisma.auditEvent.count({ where: { action: "alternatives.chosen", targetId: clauseId } })).toBe(1);
  });
});

describe("two delegations at once", () => {
  it("proposing alternatives for the same words: one set begins, the other is told to add to it", async () => {
    const clauseId = await freshClause(server.url, chair, [TEXT]);
    const words = selectWords(await storedDoc(clauseId), "child sexual abuse material");
    const outcomes = await Promise.all([
      refusal(createAlternatives(as.australia, { clauseId, ...words, wording: "child pornography" })),
      refusal(createAlternatives(as.canada, { clauseId, ...words, wording: "child sexual exploitation material" })),
    ]);
    expect(outcomes.filter((outcome) => outcome === null)).toHaveLength(1);
    expect(outcomes.find((outcome) => outcome !== null)).toMatchObject({
      code: "invalid_input",
      message: expect.stringContaining("already stand in a set"),
    });
    expect(await prisma.alternativeSet.count({ where: { clauseId } })).toBe(1);
    expect(setsIn(await storedDoc(clauseId)).size).toBe(1);
  });

  it("a set proposed while the chair agrees its paragraph: never a set in agreed text", async () => {
    // A copy of article 33: its second paragraph is open and holds no alternatives.
    const clauseId = await copyOfDemoClause("Alternatives while agreeing", "33");
    const words = selectWords(await storedDoc(clauseId), "The steps referred to");
    await Promise.all([
      refusal(createAlternatives(as.australia, { clauseId, ...words, wording: "The measures referred to" })),
      refusal(setParagraphStatus(as.chair, { clauseId, paragraph: 2, status: "AGREED" })),
    ]);
    const [, second] = numberedParagraphs(readClause(await storedDoc(clauseId)).blocks);
    const marked = [...paragraphsOf([second.item])].some((p) =>
      p.inlines.some((inline) => inline.type === "text" && inline.alternatives !== undefined),
    );
    // One of the two went first: the set (and the paragraph stays open), or the agreement.
    expect(second.item.status === "AGREED" && marked).toBe(false);
    expect(second.item.status === "AGREED" || marked).toBe(true);
  });
});

describe("the guard refuses alternatives a client writes itself", () => {
  async function expectRefused(clauseId: string, who: Person, tamper: (doc: Y.Doc) => void) {
    const sender = openClause(server.url, clauseId, who.cookie);
    await sender.saved();
    const lastRow = await prisma.clauseUpdate.findFirst({ where: { clauseId }, orderBy: { id: "desc" } });
    const before = (await storedDoc(clauseId)).getXmlFragment(CLAUSE_FRAGMENT).toString();
    const closed = new Promise<void>((resolve) => sender.provider.on("close", () => resolve()));
    const told: string[] = [];
    sender.provider.on("stateless", ({ payload }: { payload: string }) => told.push(payload));
    tamper(sender.doc);
    await closed;
    expect(told.some(isRefusedEdit)).toBe(true);
    expect(await prisma.clauseUpdate.count({ where: { clauseId, id: { gt: lastRow?.id ?? 0n } } })).toBe(0);
    expect((await storedDoc(clauseId)).getXmlFragment(CLAUSE_FRAGMENT).toString()).toBe(before);
    sender.destroy();
  }

  it("a forged mark, even from the chair's own client", async () => {
    const { clauseId } = await clauseWithSet();
    await expectRefused(clauseId, chair, (doc) => {
      const { text, index } = locate(doc, "forms");
      text.format(index, "forms".length, { alternatives: { id: randomUUID() } });
    });
  });

  it("the chair's own client copying a set's mark onto words of another paragraph", async () => {
    // Choosing Alt 2 replaces the words from the first marked to the last: here, everything between.
    const clauseId = await freshClause(server.url, chair, [TEXT, "Second paragraph.", "Third paragraph."]);
    const { setId } = await createAlternatives(as.australia, {
      clauseId,
      ...selectWords(await storedDoc(clauseId), "child sexual abuse material"),
      wording: "child pornography",
    });
    await expectRefused(clauseId, chair, (doc) => {
      const { text, index } = locate(doc, "Third paragraph");
      text.format(index, "Third paragraph".length, { alternatives: { id: setId } });
    });
  });

  it("a delegate re-labelling Alt 1 with another set's id", async () => {
    const { clauseId } = await clauseWithSet();
    const other = await clauseWithSet();
    await expectRefused(clauseId, australia, (doc) => {
      const { text, index } = locate(doc, "child sexual abuse material");
      text.format(index, "child sexual abuse material".length, { alternatives: { id: other.setId } });
    });
  });
});

describe("agreed text takes no alternatives", () => {
  it("refuses a paragraph agreed (lib/paragraph-status) and an article agreed ad referendum", async () => {
    const article = async (number: string) =>
      (await prisma.clause.findFirstOrThrow({ where: { number }, select: { id: true } })).id;
    // Article 33, paragraph 5 is agreed in the demo (lib/seed/demo-paragraph-status.ts).
    const witnesses = await article("33");
    const humanRights = await article("6");
    const sets = () => prisma.alternativeSet.count({ where: { clauseId: { in: [witnesses, humanRights] } } });
    const before = await sets();
    expect(
      await refusal(
        createAlternatives(as.canada, {
          clauseId: witnesses,
          ...selectWords(await storedDoc(witnesses), "applies equally to victims"),
          wording: "applies to victims",
        }),
      ),
    ).toEqual({ code: "conflict", message: "Paragraph 5 is agreed; ask the chair to reopen it." });
    // Article 6 is agreed ad referendum as a whole.
    expect(
      await refusal(
        createAlternatives(as.canada, {
          clauseId: humanRights,
          ...selectWords(await storedDoc(humanRights), "best interests of the child"),
          wording: "interests of the child",
        }),
      ),
    ).toEqual({ code: "conflict", message: "Article 6 is agreed ad referendum; ask the chair to reopen it." });
    expect(await sets()).toBe(before);
  });

  it("the chair cannot agree a paragraph that holds alternatives: the chair chooses first", async () => {
    // A copy of article 33, whose second paragraph is open in the demo (and holds no alternatives).
    const clauseId = await copyOfDemoClause("Alternatives, then agreed", "33");
    const { setId } = await createAlternatives(as.australia, {
      clauseId,
      ...selectWords(await storedDoc(clauseId), "The steps referred to"),
      wording: "The measures referred to",
    });
    expect(await refusal(setParagraphStatus(as.chair, { clauseId, paragraph: 2, status: "AGREED" }))).toEqual({
      code: "conflict",
      message: "Paragraph 2 still holds alternatives: choose between them before marking it agreed.",
    });
    const [set] = await openAlternativeSets([clauseId]);
    await chooseAlternative(as.chair, { clauseId, setId, optionId: set.options[1].id });
    expect(await setParagraphStatus(as.chair, { clauseId, paragraph: 2, status: "AGREED" })).toMatchObject({
      changed: true,
    });
  });

  it("refuses a further alternative for words in an agreed paragraph (a set older than that rule)", async () => {
    const clauseId = await copyOfDemoClause("Alternatives in agreed text", "33");
    const { setId } = await createAlternatives(as.australia, {
      clauseId,
      ...selectWords(await storedDoc(clauseId), "Each State Party"),
      wording: "Every State Party",
    });
    // Agreed in the stored text as the demo's statuses are written, around the chair's command.
    const doc = await storedDoc(clauseId);
    const vector = Y.encodeStateVector(doc);
    numberedParagraphs(readClause(doc).blocks)[0].item.source?.setAttribute("status", "AGREED");
    await appendClauseUpdate(clauseId, Y.encodeStateAsUpdate(doc, vector), null);
    expect(await refusal(addAlternative(as.canada, { clauseId, setId, wording: "States Parties" }))).toEqual({
      code: "conflict",
      message: "Paragraph 1 is agreed; ask the chair to reopen it.",
    });
    expect(await prisma.alternativeOption.count({ where: { setId } })).toBe(2);
  });
});

describe("a delegation proposing alternatives without end", () => {
  it("is stopped at a limit of open sets it began per article", async () => {
    const words = Array.from({ length: MAX_OPEN_SETS + 1 }, (_, i) => `w${i}`);
    const clauseId = await freshClause(server.url, chair, [words.join(" ")]);
    for (const word of words.slice(0, MAX_OPEN_SETS))
      await createAlternatives(as.canada, {
        clauseId,
        ...selectWords(await storedDoc(clauseId), `${word} `),
        wording: `${word}x`,
      });
    const last = words.at(-1) as string;
    const selected = selectWords(await storedDoc(clauseId), last);
    expect(await refusal(createAlternatives(as.canada, { clauseId, ...selected, wording: "other" }))).toEqual({
      code: "conflict",
      message: `Your delegation has begun ${MAX_OPEN_SETS} sets of alternatives in this article that the chair has not chosen between: no more can be begun until the chair chooses.`,
    });
    // Another delegation still may.
    await createAlternatives(as.australia, { clauseId, ...selected, wording: "other" });
  });
});

describe("an alternative's wording", () => {
  it("is words on one line: control characters, line and paragraph separators are refused", async () => {
    const { clauseId, setId } = await clauseWithSet();
    for (const wording of [
      "child\u0085pornography",
      "child\u2028pornography",
      "child\u2029pornography",
      "child\u007Fpornography",
    ]) {
      expect(await refusal(addAlternative(as.canada, { clauseId, setId, wording }))).toMatchObject({
        code: "invalid_input",
      });
    }
    expect(await prisma.alternativeOption.count({ where: { setId } })).toBe(2);
  });
});
