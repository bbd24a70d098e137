// The last step of the Word writer: U+FFFE and U+FFFF are no characters XML 1.0 may carry, and
// one of them anywhere makes the whole file unreadable (LibreOffice opens nothing). Names,
// titles, comments and words may hold them — anyone who may comment can type them — and the
// `docx` library drops control characters only. Markup never holds them, so they are taken out
// of every XML part of the packed file; a lone surrogate the library has already written as
// U+FFFD. A file without them is handed back as it is.
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

const NOT_XML = /[\uFFFE\uFFFF]/;

export function withoutNonXmlCharacters(file: Uint8Array): Uint8Array {
  const parts = unzipSync(file);
  let changed = false;
  for (const [name, bytes] of Object.entries(parts)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const xml = strFromU8(bytes);
    if (!NOT_XML.test(xml)) continue;
    parts[name] = strToU8(xml.replace(/[\uFFFE\uFFFF]/g, ""));
    changed = true;
  }
  return changed ? zipSync(parts) : file;
}
