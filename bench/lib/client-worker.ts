// A worker thread that plays many clients: real HocuspocusProviders over real websockets.
// Writers append timestamped markers to their own paragraph; every client measures how long
// each marker took to arrive, and writers measure how long until the server acknowledged it
// (for the app: until it was in PostgreSQL, i.e. "Saved").
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parentPort } from "node:worker_threads";
import { HocuspocusProvider } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";
import type { ProposalAuthor } from "@/lib/editor/suggestions/proposal-author";

/** A delegate's identity as stamped on the proposals it types (the server checks every field). */
export type Proposer = ProposalAuthor;
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
  /** `startedAt`: the round's start (ms since the epoch); markers sent before it are an earlier round's. */
  | { type: "run"; editsPerSecondPerWriter: number; durationMs: number; startedAt: number }
  | { type: "drain"; sentByDocument: Record<string, number>; timeoutMs: number }
  | { type: "close" };
export type WorkerReply =
  | { type: "ready" }
  | { type: "error"; message: string }
  /** The writers of this worker have stopped; its readers keep counting until "drain". */
  | { type: "written"; sentByDocument: Record<string, number> }
  | {
      type: "result";
      latencies: number[];
      /** Markers that should have reached this worker's clients (every other writer's, per client). */
      expectedArrivals: number;
      /** Markers that did, each counted once per client. */
      countedArrivals: number;
      /** Markers a client saw twice (ignored after the first time). */
      duplicateArrivals: number;
      /** Markers in a client's text at the end that its observer never counted (should be 0). */
      uncountedInText: number;
      /** How long the round waited after writing for every marker to arrive (or the timeout). */
      drainMs: number;
      /** This worker's event-loop delay, p99 and max (ms): a saturated load generator shows here. */
      loopDelayP99Ms: number;
      loopDelayMaxMs: number;
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

// Markers are "⟦<writer>:<sequence>:<send time>⟧ ". Receivers read them from the text their
// document gained (the inserts of each remote change), not from the update's bytes: what is
// counted is what arrived in the document, once per client, whatever encoding carried it.
const MARKER = /⟦([^:⟧]+:\d+):([\d.]+)⟧/g;

function markersIn(text: string): [key: string, sent: number][] {
  return [...text.matchAll(MARKER)].map((match) => [match[1], Number(match[2])]);
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
  /** Writers: a name of its own for its markers, and how many it typed this round. */
  writerKey: string;
  sent: number;
  /** Markers from others this client has received this round. */
  seen: Set<string>;
};
let clients: Client[] = [];
let latencies: number[] = [];
let duplicates = 0;
/** Markers older than this are an earlier round's, already in a stored clause's text. */
let roundStartedAt = Number.POSITIVE_INFINITY;
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
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
  const client: Client = {
    doc,
    spec,
    pending: [],
    writerKey: crypto.randomUUID().slice(0, 8),
    sent: 0,
    seen: new Set(),
    provider: undefined as unknown as HocuspocusProvider,
  };
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
    doc.getXmlFragment("default").observeDeep((events, transaction) => {
      if (transaction.origin !== provider) return;
      const arrived = now();
      for (const event of events) {
        if (!(event.target instanceof Y.XmlText)) continue;
        for (const change of event.delta) {
          if (typeof change.insert !== "string") continue;
          for (const [key, sent] of markersIn(change.insert)) {
            if (sent < roundStartedAt) continue;
            if (client.seen.has(key)) duplicates++;
            else {
              client.seen.add(key);
              latencies.push(arrived - sent);
            }
          }
        }
      }
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

/** Writers type for `durationMs`; every client counts what arrives until `drain` ends the round. */
async function run(editsPerSecondPerWriter: number, durationMs: number, startedAt: number) {
  roundStartedAt = startedAt;
  latencies = [];
  saveLatencies = [];
  editsSent = 0;
  duplicates = 0;
  readerMessages = 0;
  readerBytes = 0;
  loopDelay.reset();
  loopDelay.enable();
  for (const client of clients) {
    client.seen = new Set();
    client.sent = 0;
    client.pending = [];
  }
  const writers = clients.filter((client) => client.spec.writer);
  const interval = 1000 / editsPerSecondPerWriter;
  const end = Date.now() + durationMs;
  await Promise.all(
    writers.map(async (writer, index) => {
      // Spread writers over the interval so edits do not arrive in lockstep.
      await new Promise((resolve) => setTimeout(resolve, (index * interval) / writers.length));
      while (Date.now() < end) {
        writer.pending.push(now());
        const marker = `⟦${writer.writerKey}:${writer.sent}:${now().toFixed(3)}⟧ `;
        if (writer.proposal) propose(writer, marker);
        else writer.text?.insert(writer.text.length, marker);
        writer.sent++;
        editsSent++;
        await new Promise((resolve) => setTimeout(resolve, interval));
      }
    }),
  );
  const editsPerDocument = new Map<string, number>();
  for (const writer of writers)
    editsPerDocument.set(writer.spec.documentName, (editsPerDocument.get(writer.spec.documentName) ?? 0) + writer.sent);
  return Object.fromEntries(editsPerDocument);
}

/**
 * Waits until every client has every other writer's markers of its document and every writer's
 * edits are acknowledged, or until the timeout; what never arrived is reported, not dropped.
 */
async function drain(sentByDocument: Record<string, number>, timeoutMs: number) {
  const started = Date.now();
  const expectedOf = (client: Client) => (sentByDocument[client.spec.documentName] ?? 0) - client.sent;
  const complete = () =>
    clients.every((client) => client.seen.size >= expectedOf(client) && client.pending.length === 0);
  while (!complete() && Date.now() - started < timeoutMs) await new Promise((resolve) => setTimeout(resolve, 50));
  const drainMs = Date.now() - started;
  loopDelay.disable();
  let expectedArrivals = 0;
  let countedArrivals = 0;
  let uncountedInText = 0;
  for (const client of clients) {
    expectedArrivals += expectedOf(client);
    countedArrivals += client.seen.size;
    // Once per round, a check of the observer: every other writer's marker in the text was counted.
    const inText = markersIn(client.doc.getXmlFragment("default").toString()).filter(
      ([key, sent]) => sent >= roundStartedAt && !key.startsWith(`${client.writerKey}:`),
    );
    uncountedInText += inText.filter(([key]) => !client.seen.has(key)).length;
  }
  const readers = clients.filter((client) => !client.spec.writer).length;
  return {
    latencies,
    expectedArrivals,
    countedArrivals,
    duplicateArrivals: duplicates,
    uncountedInText,
    drainMs,
    loopDelayP99Ms: Math.round(loopDelay.percentile(99) / 1e4) / 100,
    loopDelayMaxMs: Math.round(loopDelay.max / 1e4) / 100,
    saveLatencies,
    editsSent,
    editsSaved: saveLatencies.length,
    refused,
    readerMessages,
    readerBytes,
    readers,
  };
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
      reply({
        type: "written",
        sentByDocument: await run(command.editsPerSecondPerWriter, command.durationMs, command.startedAt),
      });
    } else if (command.type === "drain") {
      reply({ type: "result", ...(await drain(command.sentByDocument, command.timeoutMs)) });
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
