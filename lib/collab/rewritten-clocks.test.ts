// What counts as rewriting stored clocks: an exact resend (whole, or overlapping and going on)
// does not; other words, other formatting or another place at the same clocks do; words deleted
// since compare as equal.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { rewrittenClientIds } from "./rewritten-clocks";

/** A server copy and a writer sharing one client id, both starting from the same text. */
function pair() {
  const server = new Y.Doc();
  server.getText("t").insert(0, "Agreed. ");
  const writer = new Y.Doc();
  Y.applyUpdate(writer, Y.encodeStateAsUpdate(server));
  writer.clientID = 4242;
  return { server, writer };
}

function edit(doc: Y.Doc, change: (text: Y.Text) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  change(doc.getText("t"));
  return Y.encodeStateAsUpdate(doc, before);
}

describe("rewritten clocks", () => {
  it("finds nothing in new words or in an exact resend, whole or going on further", () => {
    const { server, writer } = pair();
    const first = edit(writer, (t) => t.insert(8, "Saved words"));
    expect(rewrittenClientIds(first, server)).toEqual([]);
    Y.applyUpdate(server, first);
    expect(rewrittenClientIds(first, server)).toEqual([]);
    const more = edit(writer, (t) => t.insert(19, " and more", { bold: true }));
    // A reconnect's sync from an older state vector: what the server has, then what it lacks.
    const resend = Y.mergeUpdates([first, more]);
    expect(rewrittenClientIds(resend, server)).toEqual([]);
    Y.applyUpdate(server, more);
    expect(rewrittenClientIds(Y.encodeStateAsUpdate(writer), server)).toEqual([]);
  });

  it("finds other words, other formatting or another place at stored clocks", () => {
    for (const change of [
      (t: Y.Text) => t.insert(8, "Other words"),
      (t: Y.Text) => t.insert(8, "Saved words", { bold: true }),
      (t: Y.Text) => t.insert(0, "Saved words"),
    ]) {
      const { server, writer } = pair();
      const twin = new Y.Doc();
      Y.applyUpdate(twin, Y.encodeStateAsUpdate(writer));
      twin.clientID = writer.clientID;
      Y.applyUpdate(
        server,
        edit(writer, (t) => t.insert(8, "Saved words")),
      );
      expect(rewrittenClientIds(edit(twin, change), server)).toEqual([4242]);
    }
  });

  it("lets a resend through where the stored words were deleted since", () => {
    const { server, writer } = pair();
    const first = edit(writer, (t) => t.insert(8, "Saved words"));
    Y.applyUpdate(server, first);
    server.getText("t").delete(8, 11);
    expect(rewrittenClientIds(first, server)).toEqual([]);
  });
});
