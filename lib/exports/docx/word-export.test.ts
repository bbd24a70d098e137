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
import { type ClauseModel, paragraphsOf } from "@/lib/clause-model/clause-model";
import { appendClauseUpdate, loadClauseState } from "@/lib/collab/clause-store";
import { createThread } from "@/lib/comments/create-thread";
import { replyToThread } from "@/lib/comments/reply-to-thread";
import { setThreadResolved } from "@/lib/comments/resolve-thread";
import { selectWords } from "@/lib/comments/test-clause-doc";
import { prisma } from "@/lib/db/prisma";
import { CLAUSE_FRAGMENT, clauseSchema } from "@/lib/editor/extensions";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import { compareInstrumentVersions, saveInstrumentVersion } from "@/lib/readings/instrument-versions";
import { seedIfEmpty } from "@/lib/seed/seed-demo-data";
import { clauseForExport } from "../clause-for-export";
import { exportInstrument } from "../export-instrument";
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

async function authorOf(email: string): Promise<ProposalAuthor> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { email },
    include: { memberships: { include: { organization: true }, take: 1 } },
  });
  const organization = user.memberships[0].organization;
  return {
    authorId: user.id,
    authorName: user.name,
    organizationId: organization.id,
    organizationCode: organization.code,
    organizationName: organization.name,
    colour: organization.colour,
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
  expect(items.map((item) => textOf(item).trim().slice(0, 12))).toEqual([
    expect.stringMatching(/^Protect vict/),
    "by relocatio",
    "by non-discl",
    "Provide for ",
    "Report on th",
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
    authors[name] = await authorOf(`${name}@clausework.demo`);
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
});
