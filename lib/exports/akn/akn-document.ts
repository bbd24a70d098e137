// The draft as an Akoma Ntoso 3.0 document (OASIS LegalDocML), the XML the UN's document systems
// read (AKN4UN). The instrument is a <bill> — the schema's document type for the draft of a
// legal instrument not yet adopted, with the act's hierarchy of chapters, articles and numbered
// paragraphs — and one clause a <portion> of it. Pure: the texts come in already read (the clean
// variant already without proposals) and stripped of anything the person may not see; the same
// content and identity give the same bytes. Validated against the official schema in
// akn-document.test.ts.
import type { ExportChapter, ExportClause, ExportContent } from "../export-document";
import type { ExportVariant } from "../export-variant";
import { EIds } from "./akn-eids";
import { hierarchyInside, statusAttributes } from "./akn-hierarchy";
import { type AknIdentity, aknIris, isoDay } from "./akn-identity";
import type { InlineContext } from "./akn-inlines";
import { aknMeta } from "./akn-meta";
import { References } from "./akn-references";
import { element, xmlText } from "./xml";

export type { AknIdentity, AknScope } from "./akn-identity";

const NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

// "changes" is a Word variant (export-variant.ts refuses it for akn); named here for completeness.
const VARIANT_STATUS: Record<ExportVariant, string> = {
  clean: "Draft: the agreed text, open proposals left out.",
  proposals: "Draft with open proposals, each a proposed insertion or deletion of its delegation.",
  changes: "Draft: the agreed text (the changes since a version are exported as Word only).",
};

function articleXml(clause: ExportClause, chapter: string, ordinal: number, context: InlineContext) {
  const eId = context.eIds.child(chapter, "article", clause.number, ordinal);
  const clauseContext = { ...context, wordings: clause.alternatives ?? new Map() };
  const inner =
    element("num", [], xmlText(`Article ${clause.number}`)) +
    element("heading", [], xmlText(clause.title)) +
    hierarchyInside(clause.text.blocks, eId, clauseContext, "article", "OPEN");
  return { eId, xml: element("article", [["eId", eId], ...statusAttributes(clause.status, context)], inner) };
}

function chapterXml(chapter: ExportChapter, ordinal: number, context: InlineContext) {
  const eId = context.eIds.child(null, "chapter", chapter.number, ordinal);
  const articles = chapter.clauses.map((clause, i) => articleXml(clause, eId, i + 1, context).xml);
  const inner =
    element("num", [], xmlText(`Chapter ${chapter.number}`)) +
    element("heading", [], xmlText(chapter.title)) +
    articles.join("");
  return element("chapter", [["eId", eId]], inner);
}

function wholeInstrument(content: ExportContent, identity: AknIdentity): string {
  const eIds = new EIds();
  const references = new References(eIds);
  const context: InlineContext = { eIds, references, wordings: new Map() };
  const chapters = content.chapters.map((chapter, i) => chapterXml(chapter, i + 1, context));
  // The schema wants a body with something in it: an instrument with no visible chapters says so.
  const body =
    chapters.length > 0
      ? chapters.join("")
      : element(
          "hcontainer",
          [
            ["eId", eIds.claim("hcontainer_1")],
            ["name", "noChapters"],
          ],
          element("content", [], element("p", [], "This instrument has no chapters that can be shown.")),
        );
  const iris = aknIris(identity, content.exportedAt, null);
  const expressionDate = identity.version?.savedAt ?? content.exportedAt;
  const status = identity.version
    ? `${VARIANT_STATUS[content.variant]} Version: ${identity.version.name}.`
    : VARIANT_STATUS[content.variant];
  const preface = element(
    "preface",
    [],
    element("longTitle", [], element("p", [], element("docTitle", [], xmlText(content.title)))) +
      element(
        "p",
        [],
        `${element("docStatus", [], xmlText(status))} ${element("docDate", [["date", isoDay(expressionDate)]], isoDay(expressionDate))}`,
      ),
  );
  const meta = aknMeta({
    title: content.title,
    identity,
    iris,
    exportedAt: content.exportedAt,
    references,
    portion: null,
  });
  // With proposals the document holds more than one version of the text (what stands, what is proposed).
  const contains = content.variant === "proposals" ? "multipleVersions" : "singleVersion";
  return element(
    "bill",
    [
      ["name", "draftInstrument"],
      ["contains", contains],
    ],
    meta + preface + element("body", [], body),
  );
}

function oneClause(content: ExportContent, identity: AknIdentity, number: string): string {
  const eIds = new EIds();
  const references = new References(eIds);
  const context: InlineContext = { eIds, references, wordings: new Map() };
  const chapterIndex = content.chapters.findIndex((chapter) => chapter.clauses.some((c) => c.number === number));
  if (chapterIndex === -1) throw new Error(`Article ${number} is not in the exported content.`);
  const chapter = content.chapters[chapterIndex];
  const clauseIndex = chapter.clauses.findIndex((clause) => clause.number === number);
  // The article keeps the eId it has in the whole instrument, under its chapter's.
  const chapterEId = eIds.child(null, "chapter", chapter.number, chapterIndex + 1);
  const article = articleXml(chapter.clauses[clauseIndex], chapterEId, clauseIndex + 1, context);
  const includedIn = eIds.claim("instrument");
  const iris = aknIris(identity, content.exportedAt, article.eId);
  const meta = aknMeta({
    title: content.title,
    identity,
    iris,
    exportedAt: content.exportedAt,
    references,
    portion: { eId: article.eId, showAs: `Article ${number}`, includedIn },
  });
  return element("portion", [["includedIn", `#${includedIn}`]], meta + element("portionBody", [], article.xml));
}

/** The Akoma Ntoso XML of the content: the whole instrument, or one clause of it. */
export function aknDocument(content: ExportContent, identity: AknIdentity): string {
  const document =
    identity.scope.kind === "clause"
      ? oneClause(content, identity, identity.scope.number)
      : wholeInstrument(content, identity);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element("akomaNtoso", [["xmlns", NAMESPACE]], document)}\n`;
}
