// The plenary scenario: one presenter (the chair) moves the view five times a second and types
// twice a second while N screens follow. Clausework's followers follow as the plenary view does
// (read-only, silent, the view as one plenary.view message per move); the reference's are plain
// read-only Hocuspocus clients with presence, the view travelling as the presenter's presence
// state. Measured: how long a view and an edit take to reach the followers, the server's CPU, and
// the bytes each follower receives.
import { Worker } from "node:worker_threads";
import { HocuspocusProvider } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";
import { readPlenaryMessage } from "@/lib/plenary/plenary-messages";
import type { FollowerCommand, FollowerReply } from "./plenary-worker";
import type { ServerProcess } from "./server-process";
import { ratio, summarize } from "./stats";

/** Enough paragraphs that each view of a run has its own (focus, top). */
const PARAGRAPHS = 12;
const VIEWS_PER_SECOND = 5;
const EDITS_PER_SECOND = 2;
const now = () => performance.timeOrigin + performance.now();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type FollowingSide = {
  server: ServerProcess;
  presenterCookie: string | null;
  followerCookie: string | null;
  /** Clausework's plenary mode, or the reference's plain clients. */
  plenary: boolean;
};

function ask(worker: Worker, command: FollowerCommand): Promise<FollowerReply> {
  return new Promise((resolve, reject) => {
    worker.once("message", (reply: FollowerReply) =>
      reply.type === "error" ? reject(new Error(reply.message)) : resolve(reply),
    );
    worker.postMessage(command);
  });
}

function openPresenter(side: FollowingSide, documentName: string) {
  const doc = new Y.Doc();
  const cookie = side.presenterCookie;
  const provider = new HocuspocusProvider({
    url: side.server.collabUrl,
    name: documentName,
    document: doc,
    token: "bench",
    WebSocketPolyfill: class extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, cookie ? { headers: { cookie } } : {});
      }
    },
  } as ConstructorParameters<typeof HocuspocusProvider>[0]);
  return { doc, provider, synced: new Promise<void>((resolve) => provider.on("synced", () => resolve())) };
}

async function measureSide(side: FollowingSide, documentName: string, followers: number, durationMs: number) {
  const presenter = openPresenter(side, documentName);
  await presenter.synced;
  const fragment = presenter.doc.getXmlFragment("default");
  let words: Y.XmlText | null = null;
  presenter.doc.transact(() => {
    while (fragment.length < PARAGRAPHS + 1) {
      const paragraph = new Y.XmlElement("paragraph");
      words = new Y.XmlText("Presented paragraph. ");
      paragraph.insert(0, [words]);
      fragment.push([paragraph]);
    }
  });
  if (!words) {
    const paragraph = new Y.XmlElement("paragraph");
    words = new Y.XmlText("Presenter: ");
    paragraph.insert(0, [words]);
    fragment.push([paragraph]);
  }
  const typing = words as Y.XmlText;
  if (side.plenary) {
    const started = new Promise<void>((resolve) =>
      presenter.provider.on("stateless", ({ payload }: { payload: string }) => {
        const message = readPlenaryMessage(payload);
        if (message?.type === "plenary.state" && message.presentation) resolve();
        if (message?.type === "plenary.refused") process.stderr.write(`\n  refused: ${message.message}\n`);
      }),
    );
    presenter.provider.sendStateless(JSON.stringify({ type: "plenary.start" }));
    await started;
  } else {
    presenter.provider.setAwarenessField("user", { name: "presenter", color: "#000000" });
  }

  const workers = Array.from({ length: 2 }, () => new Worker(new URL("./plenary-worker-entry.mjs", import.meta.url)));
  try {
    const shares = [Math.ceil(followers / 2), Math.floor(followers / 2)];
    await Promise.all(
      workers.map((worker, i) =>
        ask(worker, {
          type: "open",
          url: side.server.collabUrl,
          documentName,
          cookie: side.followerCookie,
          count: shares[i],
          plenary: side.plenary,
        }),
      ),
    );
    await pause(1000);
    await Promise.all(workers.map((worker) => ask(worker, { type: "start" })));
    const before = side.server.usage();
    const began = Date.now();
    const viewSentAt: Record<number, number> = {};
    let views = 0;
    let edits = 0;
    const end = began + durationMs;
    const viewTimer = setInterval(() => {
      const focus = Math.floor(views / PARAGRAPHS) % PARAGRAPHS;
      const top = views % PARAGRAPHS;
      views++;
      viewSentAt[focus * PARAGRAPHS + top] = now();
      if (side.plenary) {
        presenter.provider.sendStateless(JSON.stringify({ type: "plenary.view", focus, top, selection: null }));
      } else {
        presenter.provider.setAwarenessField("view", { focus, top });
      }
    }, 1000 / VIEWS_PER_SECOND);
    const editTimer = setInterval(() => {
      typing.insert(typing.length, `⟦${now().toFixed(3)}⟧ `);
      edits++;
    }, 1000 / EDITS_PER_SECOND);
    while (Date.now() < end) await pause(100);
    clearInterval(viewTimer);
    clearInterval(editTimer);
    await pause(2000);
    const after = side.server.usage();
    const seconds = (Date.now() - began) / 1000;
    const replies = await Promise.all(
      workers.map((worker) => ask(worker, { type: "collect", viewSentAt, paragraphs: PARAGRAPHS })),
    );
    let viewLatencies: number[] = [];
    let editLatencies: number[] = [];
    let bytes = 0;
    for (const reply of replies) {
      if (reply.type !== "result") continue;
      viewLatencies = viewLatencies.concat(reply.viewLatencies);
      editLatencies = editLatencies.concat(reply.editLatencies);
      bytes += reply.bytesReceived;
    }
    if (side.plenary) presenter.provider.sendStateless(JSON.stringify({ type: "plenary.stop" }));
    await Promise.all(workers.map((worker) => ask(worker, { type: "close" })));
    return {
      followers,
      viewsSent: views,
      editsSent: edits,
      viewsReceived: viewLatencies.length,
      view: summarize(viewLatencies),
      edit: summarize(editLatencies),
      cpuCores: Math.round(((after.cpuSeconds - before.cpuSeconds) / seconds) * 100) / 100,
      rssMb: after.rssMb,
      kbPerFollowerPerSecond: Math.round((bytes / Math.max(1, followers) / seconds / 1024) * 100) / 100,
    };
  } finally {
    presenter.provider.destroy();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

export async function plenaryFollowing(
  ours: FollowingSide,
  reference: FollowingSide,
  documentName: string,
  followers: number,
  durationMs: number,
) {
  const oursMeasured = await measureSide(ours, documentName, followers, durationMs);
  const referenceMeasured = await measureSide(reference, documentName, followers, durationMs);
  return {
    ours: oursMeasured,
    reference: referenceMeasured,
    ratios: {
      viewP99: ratio(oursMeasured.view.p99, referenceMeasured.view.p99),
      editP99: ratio(oursMeasured.edit.p99, referenceMeasured.edit.p99),
      cpu: ratio(oursMeasured.cpuCores, referenceMeasured.cpuCores),
      bytesPerFollower: ratio(oursMeasured.kbPerFollowerPerSecond, referenceMeasured.kbPerFollowerPerSecond),
    },
    note: "ours: followers in plenary mode (read-only, no presence, the view as one message per move); reference: plain read-only clients with presence, the view as the presenter's presence state",
  };
}
