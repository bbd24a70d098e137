// A Node client for a clause, using the real HocuspocusProvider over a real websocket,
// signed in with a real next-auth session cookie.
import { randomUUID } from "node:crypto";
import { HocuspocusProvider } from "@hocuspocus/provider";
import { encode } from "next-auth/jwt";
import WebSocket from "ws";
import * as Y from "yjs";
import { CLAUSE_FRAGMENT } from "@/lib/editor/extensions";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";
import { stamp } from "@/lib/proposals/test-support/yjs-proposals";
import { clauseDocumentName } from "../clause-document-name";

export async function sessionCookie(userId: string): Promise<string> {
  const token = await encode({ token: { uid: userId, sub: userId }, secret: process.env.NEXTAUTH_SECRET as string });
  return `next-auth.session-token=${token}`;
}

function websocketWithCookie(cookie: string | null) {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, cookie ? { headers: { cookie } } : {});
      // A client destroyed while still connecting errors with no one listening; the provider
      // learns of it from the close event either way.
      this.on("error", () => {});
    }
  };
}

export type ClauseClient = {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Resolves with the refusal reason, if the server refuses the connection. */
  refused: Promise<string>;
  authenticated: Promise<"read-write" | "readonly">;
  appendParagraph(text: string): void;
  text(): string;
  /** Resolves once every local edit has been acknowledged by the server (i.e. saved). */
  saved(): Promise<void>;
  destroy(): void;
};

/** `proposeAs`: write as a delegation does, every new paragraph's text a proposed insertion. */
export function openClause(
  url: string,
  clauseId: string,
  cookie: string | null,
  options: { proposeAs?: ProposalAuthor } = {},
): ClauseClient {
  const doc = new Y.Doc();
  let onRefused: (reason: string) => void = () => {};
  let onAuthenticated: (scope: "read-write" | "readonly") => void = () => {};
  const refused = new Promise<string>((resolve) => (onRefused = resolve));
  const authenticated = new Promise<"read-write" | "readonly">((resolve) => (onAuthenticated = resolve));
  const provider = new HocuspocusProvider({
    url,
    name: clauseDocumentName(clauseId),
    document: doc,
    token: "session-cookie",
    WebSocketPolyfill: websocketWithCookie(cookie),
    onAuthenticationFailed: ({ reason }) => onRefused(reason),
    onAuthenticated: ({ scope }) => onAuthenticated(scope),
  } as ConstructorParameters<typeof HocuspocusProvider>[0]);
  provider.configuration.websocketProvider.setConfiguration({ delay: 100, factor: 1, maxDelay: 200, minDelay: 50 });
  const fragment = doc.getXmlFragment(CLAUSE_FRAGMENT);
  return {
    doc,
    provider,
    refused,
    authenticated,
    appendParagraph(text: string) {
      // One update, as the editor sends it: a delegate's empty paragraph alone would be refused.
      doc.transact(() => {
        const paragraph = new Y.XmlElement("paragraph");
        const content = new Y.XmlText();
        paragraph.insert(0, [content]);
        fragment.insert(fragment.length, [paragraph]);
        content.insert(0, text, options.proposeAs ? { insertion: stamp(options.proposeAs, randomUUID()) } : {});
      });
    },
    text: () => fragment.toString(),
    saved: () =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (provider.synced && !provider.hasUnsyncedChanges) {
            provider.off("unsyncedChanges", check);
            provider.off("synced", check);
            resolve();
          }
        };
        provider.on("unsyncedChanges", check);
        provider.on("synced", check);
        check();
      }),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Waits until `condition` holds, checking as things change; fails after `ms`. */
export async function eventually(condition: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
