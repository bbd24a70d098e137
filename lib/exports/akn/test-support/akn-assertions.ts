// Reading an exported Akoma Ntoso document in tests: its eIds and local references, its words.
import { expect } from "vitest";
import { validateAkn } from "./validate-akn";

export const all = (xml: string, pattern: RegExp) => [...xml.matchAll(pattern)].map((match) => match[1]);
export const count = (xml: string, pattern: RegExp) => (xml.match(pattern) ?? []).length;

/** Text as a reader sees it: tags dropped, entities read. */
export function wordsOf(xml: string): string {
  return xml
    .replace(/<[^>]+>/g, "")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&");
}

/** Every eId is unique, and every local reference (`#…`) points at one of them. */
export function expectSoundIdentifiers(xml: string): void {
  const eIds = all(xml, / eId="([^"]+)"/g);
  expect(new Set(eIds).size, "eIds are unique").toBe(eIds.length);
  const known = new Set(eIds);
  const references = all(xml, / (?:refersTo|alternativeTo|href|from|includedIn|source)="(#[^"]+)"/g).flatMap((value) =>
    value.split(" "),
  );
  expect(references.length).toBeGreaterThan(0);
  for (const reference of references) expect(known, `${reference} resolves`).toContain(reference.slice(1));
}

/** Valid against the OASIS schema, or the test fails with libxml2's messages. */
export async function expectValid(xml: string): Promise<void> {
  const result = await validateAkn(xml);
  expect(result.errors).toEqual([]);
  expect(result.valid).toBe(true);
}
