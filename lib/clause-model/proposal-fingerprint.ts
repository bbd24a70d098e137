// The fingerprint of a proposal's words: what a decision or a position is pinned to. Two
// readings of the same words give the same fingerprint; any change of kind or words changes it.
import { createHash } from "node:crypto";

export function proposalFingerprint({
  kind,
  insertedText,
  deletedText,
}: {
  kind: string;
  insertedText: string;
  deletedText: string;
}): string {
  return createHash("sha256")
    .update(JSON.stringify([kind, insertedText, deletedText]))
    .digest("hex");
}
