// How much of a Word file the import will read. A real draft convention is a few hundred
// kilobytes; these limits leave a long instrument room and refuse what would only fill the
// server's memory (a zip bomb, XML nested thousands deep, a flood of comments).
import { MIB, WORD_FILE_LIMIT } from "@/lib/server/body-limits";

export const DOCX_LIMITS = {
  /** The .docx file as uploaded (server.ts refuses a larger upload before reading it). */
  fileBytes: WORD_FILE_LIMIT,
  /**
   * Everything read out of the zip, uncompressed (document, numbering, styles, comments). The XML
   * parser reads attribute-heavy Word XML at about 3 MB/s on the server's event loop, so this also
   * bounds how long a preview or an import can hold it (about 5 s); a 300-page draft is ~5 MB.
   */
  uncompressedBytes: 16 * MIB,
  /** Entries in the zip's directory. */
  zipEntries: 5_000,
  /** How deep elements may nest in any XML part. */
  xmlDepth: 128,
  /** Chapters and articles found in the draft. */
  articles: 1_000,
  /** Paragraphs in the document body. */
  paragraphs: 50_000,
  /** Tracked changes (insertions and deletions). */
  trackedChanges: 10_000,
  /** Comments, replies included. */
  comments: 5_000,
  /** Distinct Word authors to map to delegations. */
  authors: 200,
} as const;
