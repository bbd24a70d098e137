// What a delegation is told when it tries to change agreed text (the browser says it before the
// server has to; the server says the same when it refuses). No imports: the browser loads it.

export type LockedStatus = "AGREED_AD_REF" | "AGREED";

function agreedWords(status: LockedStatus): string {
  return status === "AGREED" ? "agreed" : "agreed ad referendum";
}

export function lockedParagraphMessage(number: number, status: LockedStatus): string {
  return `Paragraph ${number} is ${agreedWords(status)}; ask the chair to reopen it.`;
}

export function lockedClauseMessage(clauseNumber: string, status: LockedStatus): string {
  return `Article ${clauseNumber} is ${agreedWords(status)}; ask the chair to reopen it.`;
}

export const STATUS_SET_BY_CHAIR =
  "A paragraph's status is set by the chair through its own command, not by editing the text.";
