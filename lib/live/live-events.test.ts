// The browser's reading of the live stream: only well-formed events of the union get through.
import { describe, expect, it } from "vitest";
import { type ClauseSummary, parseLiveEvent, sseFrame } from "./live-events";

const clause: ClauseSummary = {
  id: "6c1f3a52-8d6e-4a39-9b1f-2f7d9f0c1a11",
  number: "6",
  title: "Respect for human rights",
  status: "AGREED_AD_REF",
  topics: ["human rights"],
  openThreads: 2,
  openProposals: 0,
  progress: { paragraphs: 4, agreed: 3, adRef: 1 },
};

describe("live events", () => {
  it("reads back what the server frames", () => {
    for (const event of [
      { type: "notifications.changed" },
      { type: "outline.changed" },
      { type: "clause.summary", clause },
    ] as const) {
      const frame = sseFrame(event);
      expect(frame.endsWith("\n\n")).toBe(true);
      expect(parseLiveEvent(frame.slice("data: ".length).trim())).toEqual(event);
    }
  });

  it("refuses what is not one of its events", () => {
    for (const data of [
      "not json",
      "null",
      '"notifications.changed"',
      '{"type":"access.changed"}',
      JSON.stringify({ type: "clause.summary" }),
      JSON.stringify({ type: "clause.summary", clause: { ...clause, status: "CLOSED" } }),
      JSON.stringify({ type: "clause.summary", clause: { ...clause, openThreads: "2" } }),
      JSON.stringify({ type: "clause.summary", clause: { ...clause, topics: [1] } }),
    ])
      expect(parseLiveEvent(data)).toBeNull();
  });
});
