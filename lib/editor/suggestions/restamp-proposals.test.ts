import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { readClause } from "@/lib/clause-model/read-clause";
import { readProposals } from "@/lib/clause-model/read-proposals";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";
import { putBackKeptEdits } from "@/lib/kept-edits/put-back";
import { positionOf, suggestInDoc } from "@/lib/proposals/test-support/suggest-in-doc";
import type { ProposalAuthor } from "./proposal-author";

const author = (code: string): ProposalAuthor => ({
  authorId: `${code}-delegate`,
  authorName: `${code} Delegate`,
  organizationId: code,
  organizationCode: code.toUpperCase(),
  organizationName: code,
  colour: "#2f7d32",
});
const jamaica = author("jam");
const canada = author("can");
const HOUR = 3_600_000;
const now = Date.parse("2026-12-07T12:00:00.000Z");
const hoursAgo = (hours: number) => () => new Date(now - hours * HOUR).toISOString();

/** The server's copy of a clause: two paragraphs, with earlier proposals of Jamaica and Canada. */
function serverClause(): Y.Doc {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(CLAUSE_FRAGMENT);
  for (const words of ["Each State Party shall protect victims.", "It shall assist witnesses."]) {
    const paragraph = new Y.XmlElement("paragraph");
    const text = new Y.XmlText();
    fragment.insert(fragment.length, [paragraph]);
    paragraph.insert(0, [text]);
    text.insert(0, words);
  }
  suggestInDoc(doc, jamaica, (tr, root) => tr.insertText(" and protect", positionOf(root, " victims")), hoursAgo(48));
  suggestInDoc(doc, canada, (tr, root) => tr.insertText(" promptly", positionOf(root, " witnesses")), hoursAgo(30));
  return doc;
}

/** What the person typed on their page while offline: the updates kept on the device. */
function keptOffline(server: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array[] {
  const page = new Y.Doc();
  Y.applyUpdate(page, Y.encodeStateAsUpdate(server));
  const kept: Uint8Array[] = [];
  page.on("update", (update: Uint8Array) => kept.push(update));
  edit(page);
  return kept;
}

const times = (doc: Y.Doc) =>
  Object.fromEntries(
    readProposals(readClause(doc)).map((p) => [
      `${p.author?.organizationCode}:${p.insertedText}${p.deletedText}`,
      p.at,
    ]),
  );

describe("kept proposals put back in a later session", () => {
  it("are stamped with the time they are sent, in the same update as their words", () => {
    const server = serverClause();
    const kept = keptOffline(server, (page) => {
      suggestInDoc(
        page,
        jamaica,
        (tr, root) => tr.insertText(" and their families", positionOf(root, ".")),
        hoursAgo(2),
      );
      suggestInDoc(
        page,
        jamaica,
        (tr, root) => tr.delete(positionOf(root, "assist"), positionOf(root, "assist") + "assist".length),
        hoursAgo(2),
      );
    });
    const sent: Uint8Array[] = [];
    server.on("update", (update: Uint8Array) => sent.push(update));
    // The new session began an hour ago: the words, typed two hours ago, are older than it.
    putBackKeptEdits(server, kept, { authorId: jamaica.authorId, sessionBegan: now - HOUR, origin: "kept", now });
    expect(sent).toHaveLength(1);
    expect(times(server)).toEqual({
      // New words and a new deletion: stamped now.
      "JAM: and their families": new Date(now).toISOString(),
      "JAM:assist": new Date(now).toISOString(),
      // Proposals the server had already keep their time, Canada's and Jamaica's own.
      "JAM: and protect": hoursAgo(48)(),
      "CAN: promptly": hoursAgo(30)(),
    });
  });

  it("keep the time they were typed when the session sending them is the one they were typed in", () => {
    const server = serverClause();
    const kept = keptOffline(server, (page) =>
      suggestInDoc(
        page,
        jamaica,
        (tr, root) => tr.insertText(" and their families", positionOf(root, ".")),
        hoursAgo(2),
      ),
    );
    putBackKeptEdits(server, kept, { authorId: jamaica.authorId, sessionBegan: now - 3 * HOUR, origin: "kept", now });
    expect(times(server)["JAM: and their families"]).toBe(hoursAgo(2)());
  });

  it("leave a grown proposal's known words alone: growing one's own proposal needs no new time", () => {
    const server = serverClause();
    const kept = keptOffline(server, (page) =>
      suggestInDoc(
        page,
        jamaica,
        (tr, root) => tr.insertText(" fully", positionOf(root, " and protect") + " and protect".length),
        hoursAgo(2),
      ),
    );
    putBackKeptEdits(server, kept, { authorId: jamaica.authorId, sessionBegan: now - HOUR, origin: "kept", now });
    // The suggest transform grew the two-day-old proposal with its own attributes: not restamped.
    expect(times(server)).toMatchObject({ "JAM: and protect fully": hoursAgo(48)() });
  });

  it("say when kept edits depend on edits the server never had", () => {
    const server = serverClause();
    const first: Uint8Array[] = keptOffline(server, (page) =>
      suggestInDoc(
        page,
        jamaica,
        (tr, root) => tr.insertText(" and their families", positionOf(root, ".")),
        hoursAgo(2),
      ),
    );
    const page = new Y.Doc();
    Y.applyUpdate(page, Y.encodeStateAsUpdate(server));
    for (const update of first) Y.applyUpdate(page, update);
    const second: Uint8Array[] = [];
    page.on("update", (update: Uint8Array) => second.push(update));
    suggestInDoc(
      page,
      jamaica,
      (tr, root) => tr.insertText(" everywhere", positionOf(root, " families") + 9),
      hoursAgo(2),
    );
    const fresh = serverClause();
    expect(
      putBackKeptEdits(fresh, second, { authorId: jamaica.authorId, sessionBegan: now - HOUR, origin: "kept", now }),
    ).toBe(false);
  });
});
