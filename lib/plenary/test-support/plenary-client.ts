// Node clients for plenary tests: a clause opened as a participant (the real HocuspocusProvider,
// lib/collab/test-support/clause-client.ts) or as a following screen (the follow token), each
// keeping every plenary message the server sent it, read as the browser reads them.
import { HocuspocusProvider } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";
import { clauseDocumentName } from "@/lib/collab/clause-document-name";
import { type ClauseClient, openClause } from "@/lib/collab/test-support/clause-client";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";
import { FOLLOW_TOKEN, type PlenaryMessage, readPlenaryMessage } from "../plenary-messages";

export type PlenaryClient = ClauseClient & { heard: PlenaryMessage[]; send(message: unknown): void };

function listen(provider: HocuspocusProvider): PlenaryMessage[] {
  const heard: PlenaryMessage[] = [];
  provider.on("stateless", ({ payload }: { payload: string }) => {
    const message = readPlenaryMessage(payload);
    if (message) heard.push(message);
  });
  return heard;
}

export function openAsParticipant(url: string, clauseId: string, cookie: string): PlenaryClient {
  const client = openClause(url, clauseId, cookie);
  const heard = listen(client.provider);
  return {
    ...client,
    heard,
    send: (message) => client.provider.sendStateless(typeof message === "string" ? message : JSON.stringify(message)),
  };
}

export function openAsFollower(url: string, clauseId: string, cookie: string): PlenaryClient {
  const doc = new Y.Doc();
  let onAuthenticated: (scope: "read-write" | "readonly") => void = () => {};
  const authenticated = new Promise<"read-write" | "readonly">((resolve) => (onAuthenticated = resolve));
  const provider = new HocuspocusProvider({
    url,
    name: clauseDocumentName(clauseId),
    document: doc,
    token: FOLLOW_TOKEN,
    WebSocketPolyfill: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers: { cookie } });
        this.on("error", () => {});
      }
    },
    onAuthenticated: ({ scope }) => onAuthenticated(scope),
  } as ConstructorParameters<typeof HocuspocusProvider>[0]);
  const heard = listen(provider);
  const fragment = doc.getXmlFragment(CLAUSE_FRAGMENT);
  return {
    doc,
    provider,
    heard,
    refused: new Promise<string>(() => {}),
    authenticated,
    appendParagraph(text: string) {
      doc.transact(() => {
        const paragraph = new Y.XmlElement("paragraph");
        const content = new Y.XmlText();
        paragraph.insert(0, [content]);
        fragment.insert(fragment.length, [paragraph]);
        content.insert(0, text);
      });
    },
    text: () => fragment.toString(),
    saved: () =>
      new Promise<void>((resolve) => {
        const synced = () => {
          provider.off("synced", synced);
          resolve();
        };
        if (provider.synced) resolve();
        else provider.on("synced", synced);
      }),
    send: (message) => provider.sendStateless(JSON.stringify(message)),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** A view of the clause: `focus` and `top` paragraphs, and the start of paragraph `focus` selected. */
export function viewOf(doc: Y.Doc, focus: number, top = 0) {
  const paragraph = doc.getXmlFragment(CLAUSE_FRAGMENT).get(focus) as Y.XmlElement;
  return {
    type: "plenary.view",
    focus,
    top,
    selection: {
      anchor: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(paragraph, 0)),
      head: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(paragraph, paragraph.length)),
    },
  };
}
