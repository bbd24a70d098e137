import { describe, expect, it } from "vitest";
import { REFUSED_EDIT } from "@/lib/proposals/refused-edit-message";
import { isAboutThreads, parseClauseMessage } from "./clause-messages";

describe("clause messages", () => {
  it("parses each message the server sends, and nothing else", () => {
    expect(parseClauseMessage(JSON.stringify({ type: "thread.changed", threadId: "t" }))).toEqual({
      type: "thread.changed",
      threadId: "t",
    });
    expect(parseClauseMessage(JSON.stringify({ type: "access.changed", readOnly: true }))).toEqual({
      type: "access.changed",
      readOnly: true,
    });
    expect(parseClauseMessage(JSON.stringify({ type: "clause.status-changed", status: "AGREED" }))).toEqual({
      type: "clause.status-changed",
      status: "AGREED",
    });
    for (const bad of [
      "",
      "not json",
      "null",
      "42",
      '{"type":"thread.changed"}',
      '{"type":"access.changed"}',
      '{"type":"threadish"}',
    ]) {
      expect(parseClauseMessage(bad), bad).toBeNull();
    }
  });

  it("agrees with the names the proposals capability sends", () => {
    expect(parseClauseMessage(JSON.stringify({ type: REFUSED_EDIT }))?.type).toBe("proposals.refused-edit");
  });

  it("says which messages are about threads", () => {
    expect(isAboutThreads({ type: "thread.created", threadId: "t" })).toBe(true);
    expect(isAboutThreads({ type: "threads.anchors-changed" })).toBe(true);
    expect(isAboutThreads({ type: "proposals.changed" })).toBe(false);
  });
});
