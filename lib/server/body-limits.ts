// How many bytes of request body each kind of request may send. The largest honest body is a
// comment or a proposal decision with its reason (a few kilobytes of JSON); a megabyte leaves
// room for a long clause pasted into a comment without letting anyone fill the server's memory.
// next.config.ts gives Next's own server-action limit the same value (a test checks they agree).

export const KIB = 1024;
export const MIB = 1024 * KIB;

/** The largest Word draft the import reads (lib/word-import). */
export const WORD_FILE_LIMIT = 10 * MIB;

export type BodyKind = "sign-in" | "server-action" | "route-handler" | "word-import" | "page";

export const BODY_LIMITS: Record<BodyKind, number> = {
  /** next-auth's forms: an email, a password, a CSRF token, a callback address. */
  "sign-in": 16 * KIB,
  /** The administration pages' forms, posted as server actions. */
  "server-action": 1 * MIB,
  /** JSON route handlers under /api. */
  "route-handler": 1 * MIB,
  /** A Word draft uploaded for import (POST /api/instruments/<id>/import): the file, the form around it. */
  "word-import": WORD_FILE_LIMIT + 64 * KIB,
  /** A page read with GET or HEAD: no body worth reading. */
  page: 64 * KIB,
};

/** Next's `serverActions.bodySizeLimit` syntax for the server-action limit. */
export const SERVER_ACTION_BODY_LIMIT = "1mb";

export function bodyKindOf(method: string | undefined, url: string | undefined): BodyKind {
  const path = (url ?? "/").split("?")[0];
  if (path.startsWith("/api/auth/")) return "sign-in";
  if (/^\/api\/instruments\/[^/]+\/import$/.test(path) && method === "POST") return "word-import";
  if (path.startsWith("/api/")) return "route-handler";
  // A page takes a body only as a server action, posted to its own address (with a `Next-Action`
  // header from script, or as a plain form before the page's script has loaded).
  if (method !== "GET" && method !== "HEAD") return "server-action";
  return "page";
}

/** "1 MB", "16 KB": for the refusal message (a Word draft's form around its 10 MB reads "10 MB"). */
export function describeBytes(bytes: number): string {
  return bytes >= MIB ? `${Math.floor(bytes / MIB)} MB` : `${bytes / KIB} KB`;
}
