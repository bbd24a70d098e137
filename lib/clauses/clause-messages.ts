// Everything the server tells an open clause room over the collaboration channel (Hocuspocus
// stateless messages), as one typed union, and the one parser the browser reads them with.
// PostgreSQL stays the source of truth: most messages only say what to reload.
// No imports: the browser loads this file.

export type ClauseMessage =
  /** A thread was started (or a proposal's discussion began). */
  | { type: "thread.created"; threadId: string }
  /** A thread was replied to, edited, resolved or reopened. */
  | { type: "thread.changed"; threadId: string }
  /** The words some threads sit on were deleted or came back. */
  | { type: "threads.anchors-changed" }
  /** Proposals were made, revised, withdrawn or decided, or a position was taken. */
  | { type: "proposals.changed" }
  /** The server refused this person's last edit (suggest-only): drop it and reload the clause. */
  | { type: "proposals.refused-edit" }
  /** A square bracket was placed or removed (the count on the clause list changes). */
  | { type: "brackets.changed" }
  /** A set of alternatives was proposed, added to, supported or chosen (lib/alternatives). */
  | { type: "alternatives.changed" }
  /** The clause was renumbered or retitled. */
  | { type: "clause.updated" }
  /** The clause's status changed (open, agreed ad referendum, agreed). */
  | { type: "clause.status-changed"; status: string }
  /** A paragraph's status or a request to reopen agreed text changed (lib/paragraph-status). */
  | { type: "reopen-requests.changed" }
  /** This connection's rights changed in place. */
  | { type: "access.changed"; readOnly: boolean };

export type ClauseMessageType = ClauseMessage["type"];

export function parseClauseMessage(payload: string): ClauseMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (!value || typeof value !== "object") return null;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case "thread.created":
    case "thread.changed":
      return typeof message.threadId === "string" ? { type: message.type, threadId: message.threadId } : null;
    case "threads.anchors-changed":
    case "proposals.changed":
    case "proposals.refused-edit":
    case "brackets.changed":
    case "alternatives.changed":
    case "clause.updated":
    case "reopen-requests.changed":
      return { type: message.type };
    case "clause.status-changed":
      return typeof message.status === "string" ? { type: message.type, status: message.status } : null;
    case "access.changed":
      return typeof message.readOnly === "boolean" ? { type: message.type, readOnly: message.readOnly } : null;
    default:
      return null;
  }
}

/** Messages after which a clause's comment threads are read again. */
export function isAboutThreads(message: ClauseMessage): boolean {
  return (
    message.type === "thread.created" || message.type === "thread.changed" || message.type === "threads.anchors-changed"
  );
}
