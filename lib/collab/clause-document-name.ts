// Each clause's text is one collaborative document named "clause:<clause id>".
const PREFIX = "clause:";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function clauseDocumentName(clauseId: string): string {
  return PREFIX + clauseId;
}

/** The clause id in a document name, or null for anything that is not a well-formed clause name. */
export function parseClauseDocumentName(name: string): string | null {
  if (!name.startsWith(PREFIX)) return null;
  const id = name.slice(PREFIX.length);
  return UUID.test(id) ? id.toLowerCase() : null;
}
