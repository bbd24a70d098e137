// Opens a file with a real word processor for tests: LibreOffice, headless, converts it to
// flat ODF (.fodt) and the XML it wrote is parsed — so a test reads what LibreOffice understood
// of an export, not what the exporter meant to write. Each conversion gets a profile of its own,
// so conversions running at once do not share (and lock) one. Without LibreOffice it fails,
// saying how to install it.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { DOMParser, type Element, type Node } from "@xmldom/xmldom";

const SOFFICE = ["/usr/bin/soffice", "/usr/local/bin/soffice"].find((path) => existsSync(path));

export const NS = {
  text: "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
  office: "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
  dc: "http://purl.org/dc/elements/1.1/",
};

export async function openInLibreOffice(file: Uint8Array): Promise<Element> {
  if (!SOFFICE) {
    throw new Error(
      "LibreOffice is not installed (no soffice): install Debian's libreoffice-writer-nogui (`bash .ci/run` does).",
    );
  }
  const dir = await mkdtemp(join(tmpdir(), "lo-"));
  try {
    const input = join(dir, "export.docx");
    await writeFile(input, file);
    await promisify(execFile)(
      SOFFICE,
      [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "fodt", "--outdir", dir, input],
      { timeout: 180_000 },
    );
    const xml = await readFile(join(dir, "export.fodt"), "utf8");
    const document = new DOMParser().parseFromString(xml, "text/xml").documentElement;
    if (!document) throw new Error("LibreOffice wrote no document");
    return document;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function elements(root: Element, ns: keyof typeof NS, name: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(NS[ns], name));
}

/** The words of an element as a reader sees them in the text: comments' words left out. */
export function textOf(node: Node): string {
  if (node.nodeType === node.TEXT_NODE) return node.nodeValue ?? "";
  if ((node as Element).namespaceURI === NS.office && (node as Element).localName === "annotation") return "";
  return Array.from(node.childNodes).map(textOf).join("");
}

/** The words of the document's body (not its metadata or styles). */
export function bodyText(root: Element): string {
  return textOf(elements(root, "office", "text")[0]);
}

/** Tracked changes as LibreOffice read them: insertion or deletion, and who made it. */
export function changedRegions(root: Element): { kind: string; author: string }[] {
  return elements(root, "text", "changed-region").map((region) => {
    const change = Array.from(region.childNodes).find((node): node is Element => node.nodeType === 1) as Element;
    return { kind: change.localName ?? "", author: textOf(elements(change, "dc", "creator")[0]) };
  });
}

/** Comments as LibreOffice read them: who wrote them, their words, and every attribute LibreOffice set. */
export function annotations(root: Element): { author: string; text: string; attributes: Record<string, string> }[] {
  return elements(root, "office", "annotation").map((annotation) => ({
    author: elements(annotation, "dc", "creator")[0].textContent ?? "",
    text: elements(annotation, "text", "p")
      .map((p) => p.textContent ?? "")
      .join("\n"),
    attributes: Object.fromEntries(Array.from(annotation.attributes).map((a) => [a.name, a.value])),
  }));
}
