// A worker thread that plays many screens following a presenter: real HocuspocusProviders over
// real websockets. On Clausework they follow as the plenary view does (the follow token, no
// presence; the view arrives as a plenary.view message); on the reference they are plain
// read-only clients with presence, and the presenter's view travels as its presence state — what
// following would cost without plenary mode. Each screen notes when each view and each of the
// presenter's edits (a "⟦<send time>⟧" marker) arrived.
import { parentPort } from "node:worker_threads";
import { HocuspocusProvider } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";
import { FOLLOW_TOKEN, readPlenaryMessage } from "@/lib/plenary/plenary-messages";

export type FollowerCommand =
  | { type: "open"; url: string; documentName: string; cookie: string | null; count: number; plenary: boolean }
  | { type: "start" }
  | { type: "collect"; viewSentAt: Record<number, number>; paragraphs: number }
  | { type: "close" };
export type FollowerReply =
  | { type: "ready" }
  | { type: "error"; message: string }
  | { type: "result"; viewLatencies: number[]; editLatencies: number[]; bytesReceived: number }
  | { type: "closed" };

const OPEN = Buffer.from("⟦");
const CLOSE = Buffer.from("⟧");
const now = () => performance.timeOrigin + performance.now();

let providers: HocuspocusProvider[] = [];
let docs: Y.Doc[] = [];
let measuring = false;
/** [focus, arrival time, top] per arrival: the presenter gives each view its own (focus, top). */
let viewArrivals: [number, number, number][] = [];
let editLatencies: number[] = [];
let bytesReceived = 0;

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

function socketWith(cookie: string | null) {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, cookie ? { headers: { cookie } } : {});
      // The provider asks for ArrayBuffers: count whichever form arrives.
      this.on("message", (data: Buffer | ArrayBuffer) => {
        if (measuring) bytesReceived += data.byteLength;
      });
    }
  };
}

function follow(command: Extract<FollowerCommand, { type: "open" }>): Promise<void> {
  const doc = new Y.Doc();
  docs.push(doc);
  return new Promise((resolve, reject) => {
    const provider = new HocuspocusProvider({
      url: command.url,
      name: command.documentName,
      document: doc,
      token: command.plenary ? FOLLOW_TOKEN : "bench",
      ...(command.plenary ? { awareness: null } : {}),
      WebSocketPolyfill: socketWith(command.cookie),
      onAuthenticationFailed: ({ reason }) => reject(new Error(reason)),
      onSynced: () => resolve(),
    } as ConstructorParameters<typeof HocuspocusProvider>[0]);
    providers.push(provider);
    doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin !== provider || !measuring) return;
      const arrived = now();
      for (const sent of markerTimes(update)) editLatencies.push(arrived - sent);
    });
    if (command.plenary) {
      provider.on("stateless", ({ payload }: { payload: string }) => {
        const message = readPlenaryMessage(payload);
        if (measuring && message?.type === "plenary.view") viewArrivals.push([message.focus ?? 0, now(), message.top]);
      });
    } else {
      // A plain client reads the presenter's view from its presence state.
      let lastKey = -1;
      provider.awareness?.on("change", () => {
        if (!measuring) return;
        const arrived = now();
        for (const state of provider.awareness?.getStates().values() ?? []) {
          const view = (state as { view?: { focus: number; top: number } }).view;
          if (!view) continue;
          const key = view.focus * 1_000_000 + view.top;
          if (key !== lastKey) viewArrivals.push([view.focus, arrived, view.top]);
          lastKey = key;
        }
      });
      provider.setAwarenessField("user", { name: "bench reader", color: "#333333" });
    }
  });
}

parentPort?.on("message", async (command: FollowerCommand) => {
  const reply = (message: FollowerReply) => parentPort?.postMessage(message);
  try {
    if (command.type === "open") {
      for (let i = 0; i < command.count; i += 50) {
        await Promise.all(Array.from({ length: Math.min(50, command.count - i) }, () => follow(command)));
      }
      reply({ type: "ready" });
    } else if (command.type === "start") {
      viewArrivals = [];
      editLatencies = [];
      bytesReceived = 0;
      measuring = true;
      reply({ type: "ready" });
    } else if (command.type === "collect") {
      measuring = false;
      const viewLatencies: number[] = [];
      for (const [focus, arrived, top] of viewArrivals) {
        const sent = command.viewSentAt[focus * command.paragraphs + top];
        if (sent !== undefined) viewLatencies.push(arrived - sent);
      }
      reply({ type: "result", viewLatencies, editLatencies, bytesReceived });
    } else if (command.type === "close") {
      for (const provider of providers) provider.destroy();
      for (const doc of docs) doc.destroy();
      providers = [];
      docs = [];
      reply({ type: "closed" });
    }
  } catch (error) {
    reply({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
});
