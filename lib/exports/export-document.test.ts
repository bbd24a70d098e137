import type { JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CLAUSE_FRAGMENT, clauseSchema } from "@/lib/editor/extensions";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import { australia, canada } from "@/lib/editor/suggestions/test-support";
import { clauseForExport } from "./clause-for-export";
import { clauseHtml } from "./clause-html";
import { clauseText } from "./clause-text";
import { type ExportContent, exportHtml, exportText } from "./export-document";
import type { ExportVariant } from "./export-variant";

const proposal = (kind: "insertion" | "deletion", id: string, author: ProposalAuthor) => ({
  type: kind,
  attrs: { id, ...author, at: "2026-11-28T10:00:00.000Z" },
});
const text = (words: string, marks: JSONContent["marks"] = []): JSONContent => ({ type: "text", text: words, marks });
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const item = (...content: JSONContent[]): JSONContent => ({ type: "listItem", content });

/** A stored clause: two numbered paragraphs, the first with lettered sub-paragraphs, and two proposals. */
function storedClause(): Uint8Array {
  const json: JSONContent = {
    type: "doc",
    content: [
      {
        type: "orderedList",
        attrs: { start: 1, type: null },
        content: [
          item(
            paragraph(
              text("States Parties shall protect "),
              text("victims", [{ type: "bold" }]),
              text(" and "),
              text("all ", [proposal("insertion", "p-aus", australia)]),
              text("witnesses "),
              text("promptly", [proposal("deletion", "p-can", canada)]),
              text("."),
            ),
            {
              type: "orderedList",
              attrs: { start: 1, type: "a" },
              content: [
                item(paragraph(text("<script>alert('x')</script> & co", [{ type: "italic" }]))),
                item(paragraph(text("second"))),
              ],
            },
          ),
          item(paragraph(text("A whole proposed paragraph.", [proposal("insertion", "p-aus-2", australia)]))),
          item(paragraph(text("Final provision."))),
        ],
      },
    ],
  };
  return Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(clauseSchema, json, CLAUSE_FRAGMENT));
}

function content(variant: ExportVariant): ExportContent {
  return {
    title: 'Draft convention <on> "ICT"',
    variant,
    exportedAt: new Date("2026-11-28T12:00:00Z"),
    exportedBy: "Alice <b>Delegate</b> (Australia)",
    chapters: [
      {
        number: "II",
        title: "Criminalization",
        clauses: [{ number: "14", title: "Victims", status: "OPEN", text: clauseForExport(storedClause(), variant) }],
      },
    ],
  };
}

describe("the clean export", () => {
  const html = exportHtml(content("clean"));

  it("holds the agreed text only: proposed insertions left out, proposed deletions kept, unmarked", () => {
    expect(html).toContain("<p>States Parties shall protect <strong>victims</strong> and witnesses promptly.</p>");
    expect(html).not.toContain("all witnesses");
    expect(html).not.toContain("A whole proposed paragraph");
    expect(html).not.toMatch(/<ins|<del|class="by"/);
    expect(html).not.toContain("Delegations proposing changes");
  });

  it("keeps chapters, articles, status and the structure of numbered and lettered paragraphs", () => {
    expect(html).toContain("<h2>Chapter II. Criminalization</h2>");
    expect(html).toContain('Article 14. Victims<span class="status">Open</span>');
    expect(html).toMatch(
      /<ol><li><p>States Parties.*<\/p><ol type="a" data-numbering="lower-alpha"><li><p><em>.*<\/em><\/p><\/li><li><p>second/,
    );
    // The rejected paragraph leaves no empty item behind.
    expect(html).toContain("<li><p>Final provision.</p></li></ol>");
    expect((html.match(/<li>/g) ?? []).length).toBe(4);
  });

  it("keeps markup in the text inert: escaped, never a tag", () => {
    expect(html).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co");
    expect(html).not.toContain("<script");
    expect(html).toContain("<title>Draft convention &lt;on&gt; &quot;ICT&quot;</title>");
    expect(html).toContain("Alice &lt;b&gt;Delegate&lt;/b&gt; (Australia)");
  });

  it("is a whole page that loads nothing from elsewhere", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<link|src=|@import|<script/i);
  });
});

describe("the export with proposals", () => {
  const html = exportHtml(content("proposals"));

  it("shows each proposal as a tracked change attributed to its delegation", () => {
    expect(html).toMatch(
      /and <ins class="proposal" title="Proposed insertion by Australia \(Alice Delegate\), 2026-11-28" style="--delegation: #1f77b4">all <\/ins><sup class="by">AUS<\/sup>witnesses /,
    );
    expect(html).toMatch(
      /<del class="proposal" title="Proposed deletion by Canada \(Chris Delegate\), 2026-11-28" style="--delegation: #d62728">promptly<\/del><sup class="by">CAN<\/sup>\./,
    );
    expect(html).toMatch(/<ins [^>]*>A whole proposed paragraph\.<\/ins><sup class="by">AUS<\/sup>/);
  });

  it("lists the proposing delegations once each", () => {
    expect(html).toContain("<li><strong>AUS</strong>: Australia</li><li><strong>CAN</strong>: Canada</li>");
  });
});

describe("the plain text export", () => {
  const plain = exportText(content("clean"));

  it("reads as the agreed text with numbered and lettered paragraphs, markup as it was typed", () => {
    expect(plain).toBe(
      [
        'Draft convention <on> "ICT"',
        "Agreed text only: open proposals are not shown (proposed insertions left out, proposed deletions kept).",
        "Exported 2026-11-28 12:00 UTC by Alice <b>Delegate</b> (Australia).",
        "",
        "",
        "CHAPTER II. CRIMINALIZATION",
        "",
        "Article 14. Victims [Open]",
        "",
        "1.  States Parties shall protect victims and witnesses promptly.",
        "",
        "    (a) <script>alert('x')</script> & co",
        "",
        "    (b) second",
        "",
        "2.  Final provision.",
        "",
      ].join("\n"),
    );
  });
});

describe("lettered paragraphs", () => {
  it("print as (a), (b)… and keep a list's start, in the page and in plain text", () => {
    const json: JSONContent = {
      type: "doc",
      content: [
        {
          type: "orderedList",
          attrs: { start: 3, type: "a" },
          content: [item(paragraph(text("third"))), item(paragraph(text("fourth")))],
        },
      ],
    };
    const doc = clauseForExport(
      Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(clauseSchema, json, CLAUSE_FRAGMENT)),
      "clean",
    );
    expect(clauseHtml(doc)).toBe(
      '<ol start="3" type="a" data-numbering="lower-alpha" style="counter-reset: item 2"><li><p>third</p></li><li><p>fourth</p></li></ol>',
    );
    expect(exportHtml(content("clean"))).toContain(
      'ol[data-numbering="lower-alpha"] > li::before { content: "(" counter(item, lower-alpha) ")"; }',
    );
    expect(clauseText(doc)).toBe("(c) third\n\n(d) fourth");
  });
});
