// Which threads still have words to sit on in a clause's Yjs document. A thread whose mark is
// gone (its words were deleted) is detached. Reads Yjs formatting attributes directly: a
// comment anchor is stored under `commentAnchor` or, because threads may overlap,
// `commentAnchor--<hash>` (see lib/editor/comment-anchor.ts).
import * as Y from "yjs";
import { COMMENT_ANCHOR } from "@/lib/editor/comment-anchor";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";

function isAnchorKey(key: string): boolean {
  return key === COMMENT_ANCHOR || key.startsWith(`${COMMENT_ANCHOR}--`);
}

function collect(node: Y.XmlElement | Y.XmlFragment | Y.XmlText, ids: Set<string>): void {
  if (node instanceof Y.XmlText) {
    for (const op of node.toDelta() as { attributes?: Record<string, unknown> }[]) {
      for (const [key, value] of Object.entries(op.attributes ?? {})) {
        const threadId = (value as { threadId?: unknown } | null)?.threadId;
        if (isAnchorKey(key) && typeof threadId === "string") ids.add(threadId);
      }
    }
    return;
  }
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlElement || child instanceof Y.XmlText) collect(child, ids);
  }
}

export function anchoredThreadIds(doc: Y.Doc): Set<string> {
  const ids = new Set<string>();
  collect(doc.getXmlFragment(CLAUSE_FRAGMENT), ids);
  return ids;
}
