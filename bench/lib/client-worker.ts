// A worker thread that plays many clients: real HocuspocusProviders over real websockets.
// Writers append timestamped markers to their own paragraph; every client measures how long
// each marker took to arrive, and writers measure how long until the server acknowledged it
// (for the app: until it was in PostgreSQL, i.e. "Saved").
import { parentPort } from "node:worker_threads";
import { HocuspocusProvider } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";

/** A delegate's identity as stamped on the proposals it types (the server checks every field). */
export type Proposer = {
  authorId: string;
  authorName: string;
  organizationId: string;
  organizationCode: string;
  organizationName: string;
  colour: string;
};
/** `proposer`: the writer is a delegate in suggest mode, typing one insertion proposal of its own. */
export type ClientSpec = {
  documentName: string;
  cookie: string | null;
  writer: boolean;
  presence: boolean;
  proposer?: Proposer;
};
export type WorkerCommand =
  | { type: "open"; url: string; clients: ClientSpec[] }
  | { type: "run"; editsPerSecondPerWriter: number; durationMs: number }
  | { type: "close" };
export type WorkerReply =
  | { type: "ready" }
  | { type: "error"; message: string }
  | {
      type: "result";
      latencies: number[];
      saveLatencies: number[];
      editsSent: number;
      editsSaved: number;
      refused: number;
      /** What the clients that do not write received: messages and bytes, over the run. */
      readerMessages: number;
      readerBytes: number;
      readers: number;
    }
  | { type: "closed" };

// Markers are "⟦<send time>⟧"; found by scanning the update's bytes, which costs far less than
// decoding it a second time (the provider already applies it to the client's document).
const OPEN = Buffer.from("⟦");
const CLOSE = Buffer.from("⟧");

function markerTimes(update: Uint8Array): number[] {
  const bytes = Buffer.from(update.buffer, update.byteOffset, update.byteLength);
  const times: number[] = [];
  let at = bytes.indexOf(OPEN);
  while (at !== -1) {
    const end = bytes.indexOf(CLOSE, at);
    if (end === -1) break;
    times.push(Number(bytes.toString("latin1", at + OPEN.length, end)));
    at = bytes.indexOf(OPEN, end);
  }
  return times;
}
const now = () => performance.timeOrigin + performance.now();

type Client = {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  spec: ClientSpec;
  text?: Y.XmlText;
  /** A delegate's proposal: where its last character is, and the mark it types with. */
  proposal?: { end: Y.RelativePosition; insertion: Record<string, string> };
  pending: number[];
};
let clients: Client[] = [];
let latencies: number[] = [];
let saveLatencies: number[] = [];
let editsSent = 0;
/** Edits the server refused (clause-guard.ts tells the browser before closing the socket). */
let refused = 0;
/** Counted on the sockets of clients that do not write, from the start of a run. */
let readerMessages = 0;
let readerBytes = 0;

function websocketWithCookie(cookie: string | null, counted: boolean) {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, cookie ? { headers: { cookie } } : {});
      if (counted)
        this.on("message", (data: Buffer | ArrayBuffer | Buffer[]) => {
          readerMessages++;
          readerBytes += Array.isArray(data) ? data.reduce((sum, part) => sum + part.length, 0) : data.byteLength;
        });
    }
  };
}

function open(url: string, spec: ClientSpec): Promise<Client> {
  const doc = new Y.Doc();
  const client: Client = { doc, spec, pending: [], provider: undefined as unknown as HocuspocusProvider };
  return new Promise((resolve, reject) => {
    const provider = new HocuspocusProvider({
      url,
      name: spec.documentName,
      document: doc,
      token: "bench",
      WebSocketPolyfill: websocketWithCookie(spec.cookie, !spec.writer),
      onAuthenticationFailed: ({ reason }) => reject(new Error(reason)),
      onSynced: () => resolve(client),
      onStateless: ({ payload }: { payload: string }) => {
        if (payload.includes('"proposals.refused-edit"')) refused++;
      },
    } as ConstructorParameters<typeof HocuspocusProvider>[0]);
    client.provider = provider;
    doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin !== provider) return;
      const arrived = now();
      for (const sent of markerTimes(update)) latencies.push(arrived - sent);
    });
    provider.on("unsyncedChanges", ({ number }: { number: number }) => {
      while (client.pending.length > number) saveLatencies.push(now() - (client.pending.shift() as number));
    });
    if (spec.presence) provider.setAwarenessField("user", { name: "bench", color: "#333333" });
  });
}

function startWriting(client: Client, index: number) {
  const fragment = client.doc.getXmlFragment("default");
  if (client.spec.proposer) return startProposing(client, fragment, index);
  const paragraph = new Y.XmlElement("paragraph");
  const text = new Y.XmlText("Bench writer: ");
  paragraph.insert(0, [text]);
  fragment.push([paragraph]);
  client.text = text;
}

/**
 * A delegate may not add a paragraph (that changes the agreed text): it opens an insertion
 * proposal at the end of one of the clause's paragraphs and keeps typing into it.
 */
function startProposing(client: Client, fragment: Y.XmlFragment, index: number) {
  const paragraphs = fragment
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === "paragraph");
  const text = paragraphs[index % paragraphs.length].toArray().find((node) => node instanceof Y.XmlText);
  if (!text) throw new Error("the bench clause has a paragraph without text");
  const insertion = { id: crypto.randomUUID(), ...(client.spec.proposer as Proposer), at: new Date().toISOString() };
  client.text = text;
  client.proposal = { insertion, end: Y.createRelativePositionFromTypeIndex(text, 0) };
  propose(client, " Proposed: ", text.length);
}

/** Types at the end of the delegate's own proposal, wherever others' edits moved it. */
function propose(client: Client, words: string, at?: number) {
  const { text, proposal } = client as Required<Client>;
  const index = at ?? (Y.createAbsolutePositionFromRelativePosition(proposal.end, client.doc)?.index as number);
  text.insert(index, words, { insertion: proposal.insertion });
  // Tied to the proposal's last character: a later insertion by someone else does not move it.
  proposal.end = Y.createRelativePositionFromTypeIndex(text, index + words.length, -1);
}

async function run(editsPerSecondPerWriter: number, durationMs: number) {
  latencies = [];
  saveLatencies = [];
  editsSent = 0;
  readerMessages = 0;
  readerBytes = 0;
  const writers = clients.filter((client) => client.spec.writer);
  for (const writer of writers) writer.pending = [];
  const interval = 1000 / editsPerSecondPerWriter;
  const end = Date.now() + durationMs;
  await Promise.all(
    writers.map(async (writer, index) => {
      // Spread writers over the interval so edits do not arrive in lockstep.
      await new Promise((resolve) => setTimeout(resolve, (index * interval) / writers.length));
      while (Date.now() < end) {
        writer.pending.push(now());
        const marker = `⟦${now().toFixed(3)}⟧ `;
        if (writer.proposal) propose(writer, marker);
        else writer.text?.insert(writer.text.length, marker);
        editsSent++;
        await new Promise((resolve) => setTimeout(resolve, interval));
      }
    }),
  );
  // Let the last edits arrive and be acknowledged.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const editsSaved = saveLatencies.length;
  const readers = clients.length - writers.length;
  return { latencies, saveLatencies, editsSent, editsSaved, refused, readerMessages, readerBytes, readers };
}

parentPort?.on("message", async (command: WorkerCommand) => {
  const reply = (message: WorkerReply) => parentPort?.postMessage(message);
  try {
    if (command.type === "open") {
      refused = 0;
      const opened: Client[] = [];
      // Open in small batches: a burst of thousands of sockets measures the burst, not the server.
      for (let i = 0; i < command.clients.length; i += 50) {
        opened.push(...(await Promise.all(command.clients.slice(i, i + 50).map((spec) => open(command.url, spec)))));
      }
      clients = opened;
      for (const [index, client] of clients.filter((c) => c.spec.writer).entries()) startWriting(client, index);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      reply({ type: "ready" });
    } else if (command.type === "run") {
      reply({ type: "result", ...(await run(command.editsPerSecondPerWriter, command.durationMs)) });
    } else if (command.type === "close") {
      for (const client of clients) {
        client.provider.destroy();
        client.doc.destroy();
      }
      clients = [];
      reply({ type: "closed" });
    }
  } catch (error) {
    reply({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
});
