// The fingerprint of a proposal's words: equal exactly when kind and words are equal, so a
// decision or a position can say which wording it was given on.
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
