// A selection in a clause, as the browser sends it to the server: two Yjs relative positions
// (base64 of Y.encodeRelativePosition). Relative positions name the characters themselves, not
// offsets, so they still point at the selected words after others' concurrent edits.
import * as Y from "yjs";

export type AnchorRange = { from: string; to: string };

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

export function encodeAnchorPosition(position: Y.RelativePosition): string {
  return toBase64(Y.encodeRelativePosition(position));
}

/** Null for anything that is not an encoded relative position. */
export function decodeAnchorPosition(encoded: string): Y.RelativePosition | null {
  try {
    return Y.decodeRelativePosition(fromBase64(encoded));
  } catch {
    return null;
  }
}
