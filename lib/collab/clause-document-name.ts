// Each clause's text is one collaborative document named "clause:<clause id>".
import { isUuid } from "@/lib/ids/uuid";

const PREFIX = "clause:";

export function clauseDocumentName(clauseId: string): string {
  return PREFIX + clauseId;
}

/** The clause id in a document name, or null for anything that is not a well-formed clause name. */
export function parseClauseDocumentName(name: string): string | null {
  if (!name.startsWith(PREFIX)) return null;
  const id = name.slice(PREFIX.length);
  return isUuid(id) ? id.toLowerCase() : null;
}
