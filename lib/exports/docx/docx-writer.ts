// What the Word writer gathers while it walks the export: ids that must be unique in the whole
// file (tracked changes, comments, numbering instances, footnotes) and the comments and
// footnotes themselves, which Word keeps in parts of their own.
import { type ICommentOptions, Paragraph, TextRun } from "docx";
import type { AlternativeWordings } from "@/lib/alternatives/alternative-edges";
import type { ExportVariant } from "../export-variant";

export class DocxWriter {
  readonly comments: ICommentOptions[] = [];
  readonly footnotes: Record<string, { children: Paragraph[] }> = {};
  /** Tracked changes and comments are both annotations, whose ids Word wants unique across both. */
  private annotation = 0;
  private instance = 0;
  private footnote = 0;

  constructor(
    readonly variant: ExportVariant,
    /** When the text exported stands (tracked changes without a date of their own carry it). */
    readonly at: Date,
  ) {}

  /** The further options of the open sets of alternatives of the clause being written. */
  wordings: AlternativeWordings = new Map();

  nextAnnotationId(): number {
    this.annotation += 1;
    return this.annotation;
  }

  /** A new list: numbered from its own start, whatever lists came before it. */
  nextListInstance(): number {
    this.instance += 1;
    return this.instance;
  }

  /** Adds a footnote of one paragraph; returns its id for a FootnoteReferenceRun. */
  addFootnote(text: string): number {
    this.footnote += 1;
    this.footnotes[String(this.footnote)] = { children: [new Paragraph({ children: [new TextRun(text)] })] };
    return this.footnote;
  }

  /** Adds a comment (a reply when `parentId` is given); returns its id. */
  addComment(comment: Omit<ICommentOptions, "id">): number {
    const id = this.nextAnnotationId();
    this.comments.push({ ...comment, id });
    return id;
  }
}

/** A date as Word's revision and comment dates carry it: to the second, in UTC (`otherwise` if it is no date). */
export function wordDate(date: Date, otherwise: Date = new Date()): string {
  const valid = Number.isNaN(date.getTime()) ? otherwise : date;
  return valid.toISOString().replace(/\.\d{3}Z$/, "Z");
}
