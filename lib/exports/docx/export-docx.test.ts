// The Word writer on a clause built for the purpose, read back by LibreOffice: a thread on words,
// a proposal's discussion on the proposal's words, a thread whose words are gone on the article's
// heading; a resolved thread without replies keeps its resolved state (the part the `docx`
// library leaves out then, added by resolved-threads.ts); a list of roman sub-paragraphs starting
// at (iii); a line break; a bracket's footnote. Pure: no database.
import type { JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CLAUSE_FRAGMENT, clauseSchema } from "@/lib/editor/extensions";
import { australia } from "@/lib/editor/suggestions/test-support";
import { clauseForExport } from "../clause-for-export";
import type { ExportContent } from "../export-document";
import type { ExportThread } from "../export-threads";
import { exportDocx } from "./export-docx";
import { annotations, bodyText, changedRegions, elements, openInLibreOffice, textOf } from "./test-support/libreoffice";

const PROPOSAL = "00000000-0000-4000-8000-0000000000a1";
const text = (words: string, marks: JSONContent["marks"] = []): JSONContent => ({ type: "text", text: words, marks });
const bracket = {
  type: "bracket",
  attrs: {
    id: "00000000-0000-4000-8000-0000000000b1",
    organizationId: "00000000-0000-4000-8000-0000000000b2",
    organizationCode: "RUS",
    personId: "00000000-0000-4000-8000-0000000000b3",
    personName: "Dmitri Sokolov",
    at: "2026-11-20T09:00:00.000Z",
    note: "Not yet agreed in capital.",
  },
};

function state(): Uint8Array {
  const json: JSONContent = {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [
          text("States Parties shall "),
          text("cooperate", [{ type: "commentAnchor", attrs: { threadId: "t-words" } }]),
          text(" in good faith", [
            { type: "insertion", attrs: { id: PROPOSAL, ...australia, at: "2026-11-28T10:00:00.000Z" } },
          ]),
          { type: "hardBreak" },
          text("to the widest extent", [bracket]),
          text("."),
        ],
      },
      {
        type: "orderedList",
        attrs: { start: 3, type: "i" },
        content: [
          { type: "listItem", content: [{ type: "paragraph", content: [text("third measure")] }] },
          { type: "listItem", content: [{ type: "paragraph", content: [text("fourth measure")] }] },
        ],
      },
    ],
  };
  return Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(clauseSchema, json, CLAUSE_FRAGMENT));
}

const comment = (body: string, author = "Canada (Marc-André Gagnon)") => ({
  author,
  initials: "CAN",
  at: new Date("2026-11-29T08:00:00Z"),
  body,
});
const threads: ExportThread[] = [
  { id: "t-words", proposalId: null, quote: "cooperate", resolved: true, comments: [comment("Cooperate how?")] },
  { id: "t-proposal", proposalId: PROPOSAL, quote: null, resolved: false, comments: [comment("Why good faith?")] },
  { id: "t-gone", proposalId: null, quote: "promptly", resolved: false, comments: [comment("Keep “promptly”.")] },
];

const content: ExportContent = {
  title: "Draft convention",
  variant: "proposals",
  exportedAt: new Date("2026-11-30T12:00:00Z"),
  exportedBy: "Chloe Whitfield (Australia)",
  reading: { name: "after the first reading", savedAt: new Date("2026-11-30T11:00:00Z") },
  chapters: [
    {
      number: "IV",
      title: "International cooperation",
      clauses: [
        {
          number: "35",
          title: "General principles",
          status: "OPEN",
          text: clauseForExport(state(), "proposals"),
          threads,
        },
      ],
    },
  ],
};

describe("the Word writer", () => {
  it("places every thread, keeps a resolved thread resolved without replies, and numbers a list from (iii)", async () => {
    const file = await exportDocx(content);
    // No comment is a reply, so the resolved state is in the part added after packing.
    expect(strFromU8(unzipSync(file)["word/commentsExtended.xml"])).toMatch(/w15:done="1"/);

    const odf = await openInLibreOffice(file);
    const notes = annotations(odf);
    expect(notes.map((n) => [n.text, n.attributes["loext:resolved"]])).toEqual(
      expect.arrayContaining([
        ["Cooperate how?", "true"],
        ["Why good faith?", "false"],
        ["On the words “promptly”:\nKeep “promptly”.", "false"],
      ]),
    );
    expect(notes).toHaveLength(3);
    // The thread whose words are gone sits on the article's heading.
    const heading = elements(odf, "text", "h").find((h) => textOf(h).includes("Article 35"));
    expect(heading && elements(heading, "office", "annotation").map((a) => a.textContent)).toEqual([
      expect.stringContaining("Keep “promptly”."),
    ]);
    // The proposal's discussion ends where the proposal's words end.
    const discussion = elements(odf, "office", "annotation").find((a) => a.textContent?.includes("Why good faith?"));
    const end = elements(odf, "office", "annotation-end").find(
      (e) => e.getAttribute("office:name") === discussion?.getAttribute("office:name"),
    );
    expect(end?.previousSibling?.nodeName).toBe("text:change-end");

    expect(changedRegions(odf)).toEqual([{ kind: "insertion", author: "Australia (Alice Delegate)" }]);
    const body = bodyText(odf);
    expect(body).toContain("Version “after the first reading”, saved 2026-11-30 11:00 UTC");
    expect(body).toContain("[to the widest extent]");
    const footnotes = elements(odf, "text", "note-body").map((note) => textOf(note).trim());
    expect(footnotes).toEqual(["Square brackets of RUS (Dmitri Sokolov), 2026-11-20: Not yet agreed in capital."]);
    expect(elements(odf, "text", "line-break")).toHaveLength(1);

    const roman = elements(odf, "text", "list-level-style-number").find(
      (level) => level.getAttribute("style:num-format") === "i" && level.getAttribute("text:level") === "1",
    );
    expect(roman?.getAttribute("text:start-value")).toBe("3");
    expect(roman?.getAttribute("style:num-prefix")).toBe("(");
  });
});

describe("text XML cannot carry", () => {
  it("still opens in Word's readers when a title, a version's name or a comment holds U+FFFE or U+FFFF", async () => {
    // Anyone who may comment can post these; the `docx` library drops control characters only.
    const odd = (words: string) => `${words}\uFFFE\uFFFF`;
    const file = await exportDocx({
      ...content,
      title: odd("Draft convention"),
      reading: { name: odd("after the first reading"), savedAt: new Date("2026-11-30T11:00:00Z") },
      chapters: content.chapters.map((chapter) => ({
        ...chapter,
        title: odd(chapter.title),
        clauses: chapter.clauses.map((clause) => ({
          ...clause,
          title: odd(clause.title),
          threads: threads.map((thread) => ({
            ...thread,
            comments: thread.comments.map((c) => ({ ...c, body: odd(c.body) })),
          })),
        })),
      })),
    });
    for (const [name, part] of Object.entries(unzipSync(file))) {
      if (/\.(xml|rels)$/.test(name)) expect(strFromU8(part), name).not.toMatch(/[\uFFFE\uFFFF]/);
    }
    const odf = await openInLibreOffice(file);
    expect(bodyText(odf)).toContain("Version “after the first reading”");
    expect(annotations(odf).map((n) => n.text)).toContain("Cooperate how?");
  });
});
