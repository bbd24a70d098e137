import { describe, expect, it } from "vitest";
import { readPlenaryMessage, readPresenterMessage } from "./plenary-messages";
import { VIEW_BURST, viewRate } from "./view-rate";

const position = { item: { client: 7, clock: 3 }, assoc: 0 };

describe("reading a presenter's message", () => {
  it("lets other capabilities' messages pass by", () => {
    expect(readPresenterMessage('{"type":"session.active"}')).toBeNull();
    expect(readPresenterMessage("not json at all")).toBeNull();
  });

  it("rebuilds a view from its known fields only", () => {
    const read = readPresenterMessage(
      JSON.stringify({
        type: "plenary.view",
        focus: 2,
        top: 1,
        selection: { anchor: { ...position, evil: 1 }, head: position, extra: true },
        presenterName: "forged",
      }),
    );
    expect(read).toEqual({
      type: "plenary.view",
      focus: 2,
      top: 1,
      selection: {
        anchor: { item: { client: 7, clock: 3 }, type: null, tname: null, assoc: 0 },
        head: { item: { client: 7, clock: 3 }, type: null, tname: null, assoc: 0 },
      },
    });
  });

  it("refuses malformed and oversized views", () => {
    const view = { type: "plenary.view", focus: 0, top: 0, selection: null };
    for (const bad of [
      { ...view, focus: -1 },
      { ...view, top: 1.5 },
      { ...view, top: "0" },
      { ...view, selection: { anchor: position } },
      { ...view, selection: { anchor: { assoc: 0 }, head: position } },
      { ...view, selection: { anchor: { ...position, assoc: 9 }, head: position } },
      { ...view, padding: "x".repeat(2_000) },
      { type: "plenary.takeover" },
    ]) {
      expect(readPresenterMessage(JSON.stringify(bad)), JSON.stringify(bad).slice(0, 80)).toBe("invalid");
    }
  });

  it("reads the server's messages in the browser, and nothing else", () => {
    expect(readPlenaryMessage(JSON.stringify({ type: "plenary.state", presentation: null }))).toEqual({
      type: "plenary.state",
      presentation: null,
    });
    expect(readPlenaryMessage(JSON.stringify({ type: "plenary.state", presentation: { clauseId: 1 } }))).toBeNull();
  });
});

describe("how fast a view may move", () => {
  it("lets a burst through, then about ten a second", () => {
    let clock = 0;
    const mayMove = viewRate(() => clock);
    const burst = Array.from({ length: VIEW_BURST + 5 }, () => mayMove());
    expect(burst.filter(Boolean)).toHaveLength(VIEW_BURST);
    clock += 1000;
    const nextSecond = Array.from({ length: 20 }, () => mayMove());
    expect(nextSecond.filter(Boolean)).toHaveLength(10);
  });
});
