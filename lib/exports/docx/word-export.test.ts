// The Word export opened by a real word processor: each variant of a real chapter — a clause
// with numbered and lettered paragraphs, an agreed ad ref paragraph, proposals by three
// delegations, comment threads with replies (one resolved), stored in PostgreSQL as the app
// stores them — is exported, converted by LibreOffice (headless) to flat ODF, and what
// LibreOffice read is counted against what the clause holds: tracked changes with their
// authors, comments with their replies and resolved state, lists and headings.
import type { JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import type { Element } from "@xmldom/xmldom";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { findSessionUser } from "@/lib/auth/find-session-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { bracketEdges } from "@/lib/brackets/bracket-edges";
import { type ClauseModel, paragraphsOf } from "@/lib/clause-model/clause-model";
import { appendClauseUpdate, loadClauseState } from "@/lib/collab/clause-store";
import { createThread } from "@/lib/comments/create-thread";
import { replyToThread } from "@/lib/comments/reply-to-thread";
import { setThreadResolved } from "@/lib/comments/resolve-thread";
import { selectWords } from "@/lib/comments/test-clause-doc";
import { prisma } from "@/lib/db/prisma";
import { CLAUSE_FRAGMENT, clauseSchema } from "@/lib/editor/extensions";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import { findInstrumentAccess } from "@/lib/instruments/find-instrument-access";
import { exportTag, numberedParagraphs } from "@/lib/paragraph-status/numbered-paragraphs";
import { authorFor } from "@/lib/proposals/test-support/yjs-proposals";
import { compareInstrumentVersions, saveInstrumentVersion } from "@/lib/readings/instrument-versions";
import { DEMO_INSTRUMENT } from "@/lib/seed/demo-instrument";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { clauseForExport } from "../clause-for-export";
import { exportContent } from "../export-content";
import { exportInstrument } from "../export-instrument";
import { loadExportClauses } from "../load-export-clauses";
import { exportDocx } from "./export-docx";
import { annotations, bodyText, changedRegions, elements, openInLibreOffice, textOf } from "./test-support/libreoffice";

// The export commands are server modules; here they run in the test's process.
vi.mock("server-only", () => ({}));

const people = ["chair", "australia", "canada", "france"] as const;
const as = {} as Record<(typeof people)[number], SessionUser>;
const authors = {} as Record<(typeof people)[number], ProposalAuthor>;
let instrumentId: string;
let chapterId: string;
let clauseId: string;

const text = (words: string, marks: JSONContent["marks"] = []): JSONContent => ({ type: "text", text: words, marks });
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const item = (attrs: Record<string, unknown>, ...content: JSONContent[]): JSONContent => ({
  type: "listItem",
  attrs,
  content,
});
const proposed = (kind: "insertion" | "deletion", id: string, by: ProposalAuthor) => ({
  type: kind,
  attrs: { id, ...by, at: "2026-11-28T10:00:00.000Z" },
});

function clauseJson(): JSONContent {
  return {
    type: "doc",
    content: [
      paragraph(text("Each State Party shall, in accordance with its domestic law:")),
      {
        type: "orderedList",
        attrs: { start: 1, type: null },
        content: [
          item(
            {},
            paragraph(
              text("Protect victims "),
              text("and all ", [proposed("insertion", "00000000-0000-4000-8000-00000000a001", authors.australia)]),
              text("witnesses "),
              text("promptly", [proposed("deletion", "00000000-0000-4000-8000-00000000c001", authors.canada)]),
              text(" from intimidation;"),
            ),
            {
              type: "orderedList",
              attrs: { start: 1, type: "a" },
              content: [
                item({}, paragraph(text("by relocation"))),
                item(
                  {},
                  paragraph(
                    text("by "),
                    text("non-disclosure", [{ type: "bold" }]),
                    text(" of identity", [
                      proposed("insertion", "00000000-0000-4000-8000-00000000f001", authors.france),
                    ]),
                  ),
                ),
              ],
            },
          ),
          item({ status: "AGREED_AD_REF" }, paragraph(text("Provide for the safety of experts."))),
          item({}, paragraph(text("Report on the measures taken."))),
        ],
      },
    ],
  };
}

/** The proposals' tracked changes a clause holds: each run of one proposal's words, in one paragraph, is one change. */
function proposalChanges(model: ClauseModel): { kind: string; author: string }[] {
  const out: { kind: string; author: string }[] = [];
  for (const p of paragraphsOf(model.blocks)) {
    let last: string | null = null;
    for (const inline of p.inlines) {
      const proposal = inline.type === "text" ? inline.proposal : null;
      const key = proposal ? `${proposal.id}:${proposal.kind}` : null;
      if (proposal && key !== last) {
        const by = proposal.author;
        out.push({
          kind: proposal.kind,
          author: by ? `${by.organizationName} (${by.authorName})` : "Unknown delegation",
        });
      }
      last = key;
    }
  }
  return out;
}

const exportChapter = async (variant: "clean" | "proposals" | "changes", extra: Record<string, string> = {}) => {
  const file = await exportInstrument(as.australia, {
    instrumentId,
    format: "docx",
    variant,
    chapter: chapterId,
    ...extra,
  });
  expect(file.fileName).toMatch(new RegExp(`-${variant === "proposals" ? "with-proposals" : variant}\\.docx$`));
  expect(file.contentType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  return openInLibreOffice(file.body as Uint8Array);
};

/**
 * Numbered paragraphs are Word numbering, read by LibreOffice as lists: the clause's three
 * paragraphs and two sub-paragraphs are list items, numbered 1. and (a) by their list styles,
 * with no number typed in the text.
 */
function expectNumberedLists(odf: Element) {
  const items = elements(odf, "text", "list-item").filter((item) =>
    Array.from(item.childNodes).some((node) => node.nodeType === 1 && (node as Element).localName === "p"),
  );
  expect(items.map((item) => textOf(item).trim().split(" ").slice(0, 2).join(" "))).toEqual([
    "Protect victims",
    "by relocation",
    "by non-disclosure",
    "Provide for",
    expect.stringMatching(/^Report (on|annually)$/),
  ]);
  const formats = elements(odf, "text", "list-level-style-number").map((level) =>
    [
      level.getAttribute("style:num-prefix") ?? "",
      level.getAttribute("style:num-format"),
      level.getAttribute("style:num-suffix"),
    ].join(""),
  );
  expect(formats).toEqual(expect.arrayContaining(["1.", "(a)"]));
  expect(bodyText(odf)).not.toContain("1. Protect victims");
  expect(bodyText(odf)).not.toContain("(a) by relocation");
}

beforeAll(async () => {
  await seedIfEmpty(prisma);
  for (const name of people) {
    const { id } = await prisma.user.findUniqueOrThrow({ where: { email: `${name}@clausework.demo` } });
    as[name] = (await findSessionUser(id)) as SessionUser;
    authors[name] = await authorFor(`${name}@clausework.demo`);
  }
  instrumentId = (await prisma.clause.findFirstOrThrow({ where: { number: "14" } })).instrumentId;
  const last = await prisma.chapter.findFirstOrThrow({ where: { instrumentId }, orderBy: { position: "desc" } });
  chapterId = (
    await prisma.chapter.create({
      data: {
        instrumentId,
        number: "W",
        title: "Word export",
        position: last.position + 1 + Math.floor(Math.random() * 10_000),
      },
    })
  ).id;
  const doc = prosemirrorJSONToYDoc(clauseSchema, clauseJson(), CLAUSE_FRAGMENT);
  clauseId = (
    await prisma.clause.create({
      data: {
        instrumentId,
        chapterId,
        number: "W1",
        title: "Protection of witnesses",
        topics: [],
        position: 1,
        document: { create: { snapshot: Buffer.from(Y.encodeStateAsUpdate(doc)) } },
      },
    })
  ).id;
  // Threads as people start them: on words, answered, one resolved.
  const on = async (words: string) => {
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await loadClauseState(clauseId)) as Uint8Array);
    return selectWords(stored, words);
  };
  const first = await createThread(as.australia, {
    clauseId,
    body: "Should this cover experts too?",
    anchor: await on("Protect victims"),
  });
  await replyToThread(as.canada, { clauseId, threadId: first.id, body: "Experts are in paragraph 2." });
  await replyToThread(as.chair, { clauseId, threadId: first.id, body: "Noted." });
  const second = await createThread(as.france, {
    clauseId,
    body: "“Report” to whom?",
    anchor: await on("Report on the measures"),
  });
  await replyToThread(as.australia, { clauseId, threadId: second.id, body: "To the Conference." });
  await setThreadResolved(as.chair, { clauseId, threadId: second.id, resolved: true });
});

afterAll(async () => {
  await prisma.chapter.deleteMany({ where: { id: chapterId } });
});

describe("the Word export, as LibreOffice reads it", () => {
  it("with proposals: every proposal a tracked change by its delegation and person, every comment and reply, resolved kept", async () => {
    const odf = await exportChapter("proposals");
    const expected = proposalChanges(clauseForExport(await loadClauseState(clauseId), "proposals"));
    expect(expected).toHaveLength(3);
    const regions = changedRegions(odf);
    expect(regions.map((r) => [r.kind, r.author]).sort()).toEqual(expected.map((r) => [r.kind, r.author]).sort());
    expect(new Set(regions.map((r) => r.author))).toEqual(
      new Set([
        `${authors.australia.organizationName} (${authors.australia.authorName})`,
        `${authors.canada.organizationName} (${authors.canada.authorName})`,
        `${authors.france.organizationName} (${authors.france.authorName})`,
      ]),
    );

    const comments = await prisma.comment.count({ where: { thread: { clauseId }, kind: "COMMENT", deletedAt: null } });
    expect(comments).toBe(5);
    const notes = annotations(odf);
    expect(notes).toHaveLength(comments);
    expect(notes.map((n) => n.text)).toEqual(
      expect.arrayContaining(["Should this cover experts too?", "Experts are in paragraph 2.", "To the Conference."]),
    );
    // The resolved thread's comment and reply are resolved; the open thread's are not.
    const resolved = (t: string) => notes.find((n) => n.text === t)?.attributes["loext:resolved"];
    expect(["“Report” to whom?", "To the Conference."].map(resolved)).toEqual(["true", "true"]);
    expect(["Should this cover experts too?", "Experts are in paragraph 2.", "Noted."].map(resolved)).toEqual([
      "false",
      "false",
      "false",
    ]);
    // A thread's comment comes before its replies, each by its delegation and person.
    expect(notes.map((n) => n.author).slice(0, 3)).toEqual([
      `${authors.australia.organizationName} (${authors.australia.authorName})`,
      `${authors.canada.organizationName} (${authors.canada.authorName})`,
      `${authors.chair.organizationName} (${authors.chair.authorName})`,
    ]);

    expectNumberedLists(odf);
    const headings = elements(odf, "text", "h").map(textOf);
    expect(headings).toEqual(expect.arrayContaining(["Chapter W. Word export", "Article W1. Protection of witnesses"]));
    const body = bodyText(odf);
    expect(body).toContain("Provide for the safety of experts. [agreed ad ref]");
  });

  it("clean: the agreed text, no tracked change and no comment", async () => {
    const odf = await exportChapter("clean");
    expect(changedRegions(odf)).toEqual([]);
    expect(annotations(odf)).toEqual([]);
    expectNumberedLists(odf);
    const body = bodyText(odf);
    expect(body).toContain("Current text, ");
    expect(body).toContain("Protect victims witnesses promptly from intimidation;");
    expect(body).not.toContain("and all");
  });

  it("of the whole demo draft: every proposal, comment, bracket, alternative and agreed paragraph of what it holds", async () => {
    const access = await findInstrumentAccess(as.chair, instrumentId);
    if (!access) throw new Error("the chair is not in the demo instrument");
    const demo = new Set(DEMO_INSTRUMENT.chapters.flatMap((c) => c.clauses.map((clause) => clause.number)));
    const chapters = (await loadExportClauses(access.actor, instrumentId))
      .map((c) => ({ ...c, clauses: c.clauses.filter((clause) => demo.has(clause.number)) }))
      .filter((c) => c.clauses.length > 0);
    const content = await exportContent({
      instrumentId,
      title: "Demo draft",
      exportedBy: "Test",
      variant: "proposals",
      chapters,
      reading: null,
      since: null,
    });
    const odf = await openInLibreOffice(await exportDocx(content));
    const clauses = content.chapters.flatMap((c) => c.clauses);
    const models = clauses.map((clause) => clause.text);

    const expected = models.flatMap(proposalChanges);
    expect(new Set(expected.map((c) => c.author)).size).toBeGreaterThan(2);
    const regions = changedRegions(odf);
    expect(regions.map((r) => `${r.kind} ${r.author}`).sort()).toEqual(
      expected.map((c) => `${c.kind} ${c.author}`).sort(),
    );

    const comments = clauses.flatMap((clause) => clause.threads ?? []).flatMap((thread) => thread.comments);
    expect(
      annotations(odf)
        .map((a) => a.text)
        .sort(),
    ).toEqual(comments.map((c) => c.body).sort());

    // Each square bracket closes with a footnote naming the delegation that placed it.
    const closings = models.flatMap((model) =>
      [...paragraphsOf(model.blocks)].flatMap((p) => {
        const { edges, end } = bracketEdges(p.inlines);
        return [...edges.flatMap((edge) => edge.close), ...end];
      }),
    );
    expect(closings.length).toBeGreaterThan(2);
    const notes = elements(odf, "text", "note").map((note) => textOf(elements(note, "text", "note-body")[0]).trim());
    expect(notes.map((note) => note.match(/^Square brackets of (\S+) \(/)?.[1]).sort()).toEqual(
      closings.map((bracket) => bracket.organizationCode).sort(),
    );
    const body = bodyText(odf);
    expect(body).toContain("[Alt 1: Knowingly obtaining access to] [Alt 2: Intentionally accessing or viewing]");

    // Agreed paragraphs carry their tag, as many as the clauses hold.
    const tags = models.flatMap((model) =>
      numberedParagraphs(model.blocks).flatMap(({ item }) => (item.status === "OPEN" ? [] : [exportTag(item.status)])),
    );
    expect(tags.length).toBeGreaterThan(0);
    expect(body.match(/\[agreed( ad ref)?\]/g)?.length).toBe(tags.length);
  });

  it("of a version, and with the changes since it: each word changed a tracked change by whoever made it", async () => {
    const saved = await saveInstrumentVersion(as.chair, { instrumentId, chapterId, name: "before the second reading" });
    // The chair rewrites the last paragraph: "Report on the measures taken." → "Report annually on the measures adopted."
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await loadClauseState(clauseId)) as Uint8Array);
    const before = Y.encodeStateVector(doc);
    const list = doc.getXmlFragment(CLAUSE_FRAGMENT).get(1) as Y.XmlElement;
    const words = ((list.get(2) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    words.delete("Report on the measures ".length, "taken".length);
    words.insert("Report on the measures ".length, "adopted");
    words.insert("Report ".length, "annually ");
    await appendClauseUpdate(clauseId, Y.encodeStateAsUpdate(doc, before), as.chair.id);

    const comparison = (
      await compareInstrumentVersions(as.australia, { instrumentId, from: saved.versionId, to: "current" })
    ).clauses.find((c) => c.clause.id === clauseId)?.comparison;
    const changes = comparison?.changes ?? [];
    expect(changes.map((c) => [c.kind, c.text])).toEqual([
      ["insert", "annually "],
      ["delete", "taken."],
      ["insert", "adopted."],
    ]);
    const odf = await exportChapter("changes", { since: saved.versionId });
    expect(changedRegions(odf).map((r) => [r.kind, r.author])).toEqual(
      changes.map((c) => [
        c.kind === "insert" ? "insertion" : "deletion",
        c.attribution?.by === "proposal" ? c.attribution.delegation.name : c.attribution?.name,
      ]),
    );
    expect(new Set(changedRegions(odf).map((r) => r.author))).toEqual(new Set([authors.chair.organizationName]));
    expect(annotations(odf)).toEqual([]);
    expectNumberedLists(odf);
    expect(bodyText(odf)).toContain(`Changes since the version “before the second reading”`);

    // The version itself reads as it was saved.
    const then = await exportChapter("clean", { version: saved.versionId });
    expect(bodyText(then)).toContain("Version “before the second reading”, saved ");
    expect(bodyText(then)).toContain("Report on the measures taken.");
    expect(bodyText(then)).not.toContain("annually");
  });
});
