// What the reader throws when a clause's Yjs state is not a clause of the shared schema. The
// server refuses any update after which it would be thrown (see lib/proposals/clause-guard.ts).
import { AppError } from "@/lib/errors/app-error";

export class ClauseUnreadable extends AppError {
  constructor(readonly why: string) {
    super("invalid_input", `The clause's text cannot be read: ${why}.`, { why });
    this.name = "ClauseUnreadable";
  }
}

export function isClauseUnreadable(error: unknown): error is ClauseUnreadable {
  return error instanceof ClauseUnreadable;
}
