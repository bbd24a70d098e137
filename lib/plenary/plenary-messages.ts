// What travels between the presenting chair, the collaboration server and the screens that follow
// a plenary presentation (lib/plenary), and the one strict reading of each. No imports: the browser
// loads this file. A presenter's view is small on purpose — which top-level paragraph is in focus,
// which is at the top of the screen, and the selection as Yjs relative positions (so it stays on
// the same words while the text changes) — and is rebuilt field by field: anything else is dropped.

/** The token a following screen connects with: the server makes that connection read-only and silent. */
export const FOLLOW_TOKEN = "follow";

/** A Yjs relative position as `Y.relativePositionToJSON` writes it. */
export type RelativePositionJson = {
  type?: { client: number; clock: number } | null;
  tname?: string | null;
  item?: { client: number; clock: number } | null;
  assoc?: number;
};

export type PresentedSelection = { anchor: RelativePositionJson; head: RelativePositionJson };

/** Where the chair is in the clause: the paragraph in focus, the paragraph at the top of the screen, the selection. */
export type PresentedView = { focus: number | null; top: number; selection: PresentedSelection | null };

/** What the presenter's browser sends on its clause's socket. */
export type PresenterMessage =
  | { type: "plenary.start" }
  | { type: "plenary.stop" }
  | ({ type: "plenary.view" } & PresentedView);

/** Who presents which clause of the instrument. */
export type Presentation = {
  instrumentId: string;
  clauseId: string;
  number: string;
  title: string;
  presenterId: string;
  presenterName: string;
};

/** What the server sends. */
export type PlenaryMessage =
  /** To everyone in a clause of the instrument: a presentation started, moved to another article, or ended (null). */
  | { type: "plenary.state"; presentation: Presentation | null }
  /** To following screens of the presented clause: the chair's view now. */
  | ({ type: "plenary.view"; clauseId: string } & PresentedView)
  /** To the presenter: why a message was refused. */
  | { type: "plenary.refused"; message: string };

/** A view message is a few hundred bytes; anything larger is not one. */
export const MAX_VIEW_MESSAGE_BYTES = 1024;
/** Paragraph indices beyond this are no clause's. */
const MAX_PARAGRAPH_INDEX = 100_000;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isCount = (value: unknown, max = Number.MAX_SAFE_INTEGER): value is number =>
  Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= max;
const isParagraph = (value: unknown): value is number => isCount(value, MAX_PARAGRAPH_INDEX);

function readId(value: unknown): { client: number; clock: number } | null | undefined {
  if (value === undefined || value === null) return null;
  if (!isObject(value) || !isCount(value.client) || !isCount(value.clock)) return undefined;
  return { client: value.client, clock: value.clock };
}

/** A relative position rebuilt from its known fields only, or null when it is not one. */
export function readRelativePosition(value: unknown): RelativePositionJson | null {
  if (!isObject(value)) return null;
  const item = readId(value.item);
  const type = readId(value.type);
  if (item === undefined || type === undefined) return null;
  const tname = value.tname === undefined || value.tname === null ? null : value.tname;
  if (tname !== null && (typeof tname !== "string" || tname.length > 64)) return null;
  const assoc = value.assoc === undefined ? 0 : value.assoc;
  if (!Number.isSafeInteger(assoc) || Math.abs(assoc as number) > 1) return null;
  // A position names an item, or its type (a root by name, or an element by id): one of them.
  if (!item && !type && tname === null) return null;
  return { item, type, tname, assoc: assoc as number };
}

function readSelection(value: unknown): PresentedSelection | null | undefined {
  if (value === null || value === undefined) return null;
  if (!isObject(value)) return undefined;
  const anchor = readRelativePosition(value.anchor);
  const head = readRelativePosition(value.head);
  return anchor && head ? { anchor, head } : undefined;
}

function readView(value: Record<string, unknown>): PresentedView | null {
  const focus = value.focus === null || value.focus === undefined ? null : value.focus;
  if (focus !== null && !isParagraph(focus)) return null;
  if (!isParagraph(value.top)) return null;
  const selection = readSelection(value.selection);
  if (selection === undefined) return null;
  return { focus, top: value.top, selection };
}

/**
 * A presenter's message, read strictly: null for anything that is not a plenary message at all
 * (other capabilities' messages pass by), "invalid" for a plenary message that is malformed or
 * too large — refused with a message, never relayed.
 */
export function readPresenterMessage(payload: string): PresenterMessage | "invalid" | null {
  if (!payload.includes('"plenary.')) return null;
  if (payload.length > MAX_VIEW_MESSAGE_BYTES) return "invalid";
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (!isObject(value) || typeof value.type !== "string" || !value.type.startsWith("plenary.")) return null;
  if (value.type === "plenary.start" || value.type === "plenary.stop") return { type: value.type };
  if (value.type !== "plenary.view") return "invalid";
  const view = readView(value);
  return view ? { type: "plenary.view", ...view } : "invalid";
}

function readPresentation(value: unknown): Presentation | null | undefined {
  if (value === null) return null;
  if (!isObject(value)) return undefined;
  const fields = ["instrumentId", "clauseId", "number", "title", "presenterId", "presenterName"] as const;
  if (!fields.every((field) => typeof value[field] === "string")) return undefined;
  const [instrumentId, clauseId, number, title, presenterId, presenterName] = fields.map((f) => value[f] as string);
  return { instrumentId, clauseId, number, title, presenterId, presenterName };
}

/** A server message as the browser reads it, or null for any other message. */
export function readPlenaryMessage(payload: string): PlenaryMessage | null {
  if (!payload.includes('"plenary.')) return null;
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (!isObject(value)) return null;
  if (value.type === "plenary.state") {
    const presentation = readPresentation(value.presentation);
    return presentation === undefined ? null : { type: "plenary.state", presentation };
  }
  if (value.type === "plenary.refused" && typeof value.message === "string") {
    return { type: "plenary.refused", message: value.message };
  }
  if (value.type === "plenary.view" && typeof value.clauseId === "string") {
    const view = readView(value);
    return view ? { type: "plenary.view", clauseId: value.clauseId, ...view } : null;
  }
  return null;
}
