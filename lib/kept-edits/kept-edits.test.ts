import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { keptEditOwner, TabStore } from "./kept-edit-store";
import { KeptEdits } from "./kept-edits";
import { offlineLabel } from "./offline-label";

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A page's doc whose local edits are recorded, as the clause connection does. */
function page(store: TabStore, owner: string, server: Y.Doc) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server), "server");
  const kept = new KeptEdits(Promise.resolve(store), owner);
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== "server") kept.record(update);
  });
  const type = (words: string) => {
    const text = doc.getText("t");
    text.insert(text.length, words);
  };
  return { doc, kept, type };
}

describe("edits kept until the server has them", () => {
  const server = new Y.Doc();
  server.getText("t").insert(0, "Agreed. ");
  const alice = keptEditOwner("alice", "clause-1");

  it("counts an edit once it is written, and forgets it when acknowledged", async () => {
    const store = new TabStore();
    const { kept, type } = page(store, alice, server);
    type("a");
    expect(kept.outstanding).toBe(1);
    await settled();
    type("b");
    expect(kept.count).toBe(1);
    await settled();
    expect(kept.count).toBe(2);
    await kept.acknowledged();
    expect(kept.count).toBe(0);
    expect(await store.list(alice)).toEqual([]);
  });

  it("gives a reloaded page what the closed one never had acknowledged, in order", async () => {
    const store = new TabStore();
    const before = page(store, alice, server);
    for (const word of ["offline ", "words ", "kept"]) before.type(word);
    await settled();
    // The page is gone without an acknowledgement; a new one opens the clause.
    const after = new KeptEdits(Promise.resolve(store), alice);
    const restored = await after.restore();
    expect(after.count).toBe(3);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
    for (const update of restored) Y.applyUpdate(doc, update);
    expect(doc.getText("t").toString()).toBe("Agreed. offline words kept");
  });

  it("never gives one person's kept edits to another, nor those of another clause", async () => {
    const store = new TabStore();
    page(store, alice, server).type("mine");
    await settled();
    expect(await new KeptEdits(Promise.resolve(store), keptEditOwner("bob", "clause-1")).restore()).toEqual([]);
    expect(await new KeptEdits(Promise.resolve(store), keptEditOwner("alice", "clause-2")).restore()).toEqual([]);
    expect(await new KeptEdits(Promise.resolve(store), alice).restore()).toHaveLength(1);
  });

  it("drops refused edits from the device, so they are not sent again", async () => {
    const store = new TabStore();
    const { kept, type } = page(store, alice, server);
    type("refused words");
    const refused = await kept.refused();
    expect(refused).toHaveLength(1);
    expect(kept.outstanding).toBe(0);
    expect(await store.list(alice)).toEqual([]);
  });

  it("keeps what is typed after an acknowledgement was taken", async () => {
    const store = new TabStore();
    const { kept, type } = page(store, alice, server);
    type("stored");
    const acknowledging = kept.acknowledged();
    type(" later");
    await acknowledging;
    await settled();
    expect(kept.count).toBe(1);
    expect(await store.list(alice)).toHaveLength(1);
  });

  it("forgets only this person's clause when their access to it ends", async () => {
    const store = new TabStore();
    page(store, alice, server).type("one");
    const other = keptEditOwner("alice", "clause-2");
    page(store, other, server).type("two");
    await settled();
    await new KeptEdits(Promise.resolve(store), alice).forget();
    expect(await store.list(alice)).toEqual([]);
    expect(await store.list(other)).toHaveLength(1);
    await store.clear();
    expect(await store.list(other)).toEqual([]);
  });
});

describe("the offline status", () => {
  it("says how many changes are kept and where", () => {
    expect(offlineLabel({ count: 0, onDevice: true })).toBe("Offline");
    expect(offlineLabel({ count: 1, onDevice: true })).toBe("Offline — 1 change kept on this device");
    expect(offlineLabel({ count: 12, onDevice: true })).toBe("Offline — 12 changes kept on this device");
    expect(offlineLabel({ count: 3, onDevice: false })).toBe("Offline — 3 changes kept in this tab only");
  });
});
