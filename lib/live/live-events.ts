// What the server pushes to each signed-in tab on its live stream (GET /api/events), as one typed
// union, and the one parser the browser reads them with. Small on purpose: a clause's summary is
// what its row on the clause list and its header show; the bell only hears that it should read
// its notifications again, through their own door. No imports: the browser loads this file.

/** What the clause list and the clause header show of a clause. */
export type ClauseSummary = {
  id: string;
  number: string;
  title: string;
  status: "OPEN" | "AGREED_AD_REF" | "AGREED";
  topics: string[];
  openThreads: number;
  openProposals: number;
  /** Passages still in square brackets (lib/brackets). */
  openBrackets?: number;
  /** Sets of alternatives not yet chosen between (lib/alternatives). */
  openAlternatives?: number;
  /** Numbered paragraphs, and how many are agreed (ad ref included) and ad ref (lib/paragraph-status). */
  progress: { paragraphs: number; agreed: number; adRef: number };
};

export type LiveEvent =
  /** This person's notifications changed (a new one, or read in another tab). */
  | { type: "notifications.changed" }
  /** A clause this person sees changed its number, title, topics, status or counts. */
  | { type: "clause.summary"; clause: ClauseSummary }
  /** What this person may see changed (a role, a restriction): read the page again. */
  | { type: "outline.changed" };

const STATUSES: readonly string[] = ["OPEN", "AGREED_AD_REF", "AGREED"];

function isSummary(value: unknown): value is ClauseSummary {
  if (!value || typeof value !== "object") return false;
  const c = value as Record<string, unknown>;
  return (
    typeof c.id === "string" &&
    typeof c.number === "string" &&
    typeof c.title === "string" &&
    typeof c.status === "string" &&
    STATUSES.includes(c.status) &&
    Array.isArray(c.topics) &&
    c.topics.every((topic) => typeof topic === "string") &&
    Number.isInteger(c.openThreads) &&
    Number.isInteger(c.openProposals) &&
    (c.openBrackets === undefined || Number.isInteger(c.openBrackets)) &&
    (c.openAlternatives === undefined || Number.isInteger(c.openAlternatives)) &&
    isProgress(c.progress)
  );
}

function isProgress(value: unknown): boolean {
  if (!value || typeof value !== "object") return false;
  const p = value as Record<string, unknown>;
  return Number.isInteger(p.paragraphs) && Number.isInteger(p.agreed) && Number.isInteger(p.adRef);
}

export function parseLiveEvent(data: string): LiveEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (!value || typeof value !== "object") return null;
  const event = value as Record<string, unknown>;
  switch (event.type) {
    case "notifications.changed":
    case "outline.changed":
      return { type: event.type };
    case "clause.summary":
      return isSummary(event.clause) ? { type: event.type, clause: event.clause } : null;
    default:
      return null;
  }
}

/** One event as a server-sent-events frame. */
export function sseFrame(event: LiveEvent): string {
  return `data: ${JSON.stringify(event)}\n\n`;
}
