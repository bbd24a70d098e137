// The audit trail in words: "Clause status changed", "Agreed ad referendum", "Reason: …"
// instead of the codes the entries store. The codes stay the entries' own (and the filter's
// values); only what the page shows is read from here. An action this list does not know yet is
// still shown readably, made from its code.
import { ROLE_LABELS, type Role } from "@/lib/permissions/roles";

const ACTIONS: Record<string, string> = {
  signin: "Signed in",
  "signin.failed": "Sign-in failed",
  "signin.throttled": "Sign-in refused (too many attempts)",
  signout: "Signed out",
  "instrument.created": "Instrument created",
  "instrument.updated": "Instrument settings changed",
  "instrument.exported": "Draft exported",
  "instrument.word-imported": "Word draft imported",
  "chapter.created": "Chapter added",
  "chapter.restricted": "Chapter restricted",
  "chapter.restriction-lifted": "Chapter restriction lifted",
  "clause.created": "Clause added",
  "clause.updated": "Clause renumbered or retitled",
  "clause.moved": "Clause moved",
  "clause.status-changed": "Clause status changed",
  "clause.restricted": "Clause restricted",
  "clause.restriction-lifted": "Clause restriction lifted",
  "clause.version-restored": "Version restored as the chair's proposals",
  "participant.added": "Organisation added",
  "participant.role-changed": "Role changed",
  "participant.removed": "Organisation removed",
  "membership.added": "Person added",
  "person.moved": "Person moved to another organisation",
  "person.deactivated": "Person deactivated",
  "person.reactivated": "Person reactivated",
  "person.password-set": "Password set",
  "person.sign-in-link-issued": "Sign-in link issued",
  "person.system-admin-granted": "System administration granted",
  "person.system-admin-revoked": "System administration revoked",
  "proposal.accepted": "Proposal accepted",
  "proposal.rejected": "Proposal rejected",
  "bracket.placed": "Words bracketed",
  "bracket.removed": "Brackets removed (agreed)",
  "alternatives.created": "Alternatives proposed",
  "alternatives.added": "Further alternative proposed",
  "alternatives.supported": "Alternative supported",
  "alternatives.support-withdrawn": "Support for an alternative withdrawn",
  "alternatives.chosen": "Alternative chosen",
  "glossary.term-added": "Glossary term added",
  "glossary.term-changed": "Glossary term changed",
  "glossary.term-removed": "Glossary term removed",
  "agreed-language.added": "Agreed language added",
  "agreed-language.changed": "Agreed language changed",
  "paragraph.status-changed": "Paragraph status changed",
  "paragraph.reopen-requested": "Reopening requested",
  "paragraph.reopen-declined": "Reopening declined",
};

const CLAUSE_STATUSES: Record<string, string> = {
  OPEN: "Open",
  AGREED_AD_REF: "Agreed ad referendum",
  AGREED: "Agreed",
};

const KEYS: Record<string, string> = {
  number: "Article",
  title: "Title",
  shortTitle: "Short title",
  topics: "Topics",
  wasNumber: "Was article",
  wasTitle: "Was titled",
  from: "From",
  to: "To",
  direction: "Moved",
  organizations: "Organisations",
  organization: "Organisation",
  role: "Role",
  reason: "Reason",
  proposals: "Proposals",
  format: "Format",
  variant: "Variant",
  clauses: "Clauses",
  observersMayComment: "Observers may comment",
  wasObserversMayComment: "Observers could comment",
  provider: "Through",
};

/** "clause.status-changed" → "Clause status changed"; an unknown code → its words. */
export function auditActionLabel(action: string): string {
  if (ACTIONS[action]) return ACTIONS[action];
  const words = action.replace(/[.\-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function valueLabel(key: string, value: unknown): string {
  if (Array.isArray(value)) {
    // A decision's proposals are ids: how many says more than the ids.
    if (key === "proposals") return String(value.length);
    return value.map((v) => valueLabel(key, v)).join(", ") || "—";
  }
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (value === null || value === undefined || value === "") return "—";
  const text = String(value);
  if (CLAUSE_STATUSES[text]) return CLAUSE_STATUSES[text];
  if ((key === "role" || key === "from" || key === "to") && text in ROLE_LABELS) return ROLE_LABELS[text as Role];
  if (key === "direction") return text === "up" ? "up" : text === "down" ? "down" : text;
  return text;
}

/** What an entry says, in one line: "Clause status changed: Agreed ad referendum". */
export function auditSummary(action: string, details: unknown): string {
  const label = auditActionLabel(action);
  const fields = (details && typeof details === "object" ? details : {}) as Record<string, unknown>;
  if ((action === "clause.status-changed" || action === "paragraph.status-changed") && typeof fields.to === "string") {
    return `${label}: ${valueLabel("to", fields.to)}`;
  }
  if (action === "participant.role-changed" && typeof fields.to === "string") {
    return `${label}: ${valueLabel("to", fields.to)}`;
  }
  return label;
}

/** The entry's details as "Key: value" pairs, alphabetical by key (jsonb keeps its own order). */
export function auditDetails(details: unknown): string {
  if (!details || typeof details !== "object") return "";
  return Object.entries(details as Record<string, unknown>)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${KEYS[key] ?? key}: ${valueLabel(key, value)}`)
    .join(" · ");
}
