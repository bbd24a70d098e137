// Validates an Akoma Ntoso document against the official OASIS schema (./schema), with libxml2
// compiled to WebAssembly (xmllint-wasm): the same checks as `xmllint --schema`, no native
// dependency. Returns libxml2's own messages, so a failing test says what is wrong and where.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { validateXML } from "xmllint-wasm";

const SCHEMA = path.join(import.meta.dirname, "..", "schema");

let schemas: Promise<[string, string]> | null = null;
function loadSchemas(): Promise<[string, string]> {
  schemas ??= Promise.all([
    readFile(path.join(SCHEMA, "akomantoso30.xsd"), "utf8"),
    readFile(path.join(SCHEMA, "xml.xsd"), "utf8"),
  ]);
  return schemas;
}

export type AknValidation = { valid: boolean; errors: string[] };

export async function validateAkn(xml: string): Promise<AknValidation> {
  const [akn, xmlNamespace] = await loadSchemas();
  const result = await validateXML({
    xml: [{ fileName: "document.xml", contents: xml }],
    schema: [{ fileName: "akomantoso30.xsd", contents: akn }],
    preload: [{ fileName: "xml.xsd", contents: xmlNamespace }],
  });
  return { valid: result.valid, errors: result.errors.map((error) => error.rawMessage) };
}
