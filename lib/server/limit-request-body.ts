// Bounds what a request may send before anything else looks at it (session, Next, the doors).
// A declared Content-Length above the limit is refused at once, unread. A body of unknown length
// (chunked) is counted as Node's HTTP parser hands it over, at the one place every byte passes —
// the request stream's push() — so whoever reads it (Next, a route handler, a server action)
// never sees a byte past the limit: the request is answered 413 and its connection closed.
// Nothing is buffered here; a refused body costs no memory however long its sender keeps going.
import type { IncomingMessage, ServerResponse } from "node:http";
import { type BodyKind, describeBytes } from "./body-limits";

const WHAT: Record<BodyKind, string> = {
  "sign-in": "a sign-in request",
  "server-action": "a form",
  "route-handler": "a request to the API",
  "word-import": "a Word draft",
  page: "a page request",
};

/** How long a refused sender may keep sending (dropped) while it reads our answer. */
const LINGER_MS = 2000;

/** Returns false when the request was refused (the caller must not pass it on). */
export function limitRequestBody(
  request: IncomingMessage,
  response: ServerResponse,
  limit: number,
  kind: BodyKind,
): boolean {
  const declared = Number(request.headers["content-length"] ?? 0);
  if (declared > limit) {
    refuse(request, response, limit, kind);
    return false;
  }
  let received = 0;
  let refused = false;
  const push = request.push;
  request.push = function countedPush(chunk: unknown, encoding?: BufferEncoding) {
    if (refused) return true; // dropped: the answer is already on its way
    if (chunk !== null && chunk !== undefined) {
      received += (chunk as Buffer).length;
      if (received > limit) {
        refused = true;
        refuse(request, response, limit, kind);
        return true;
      }
    }
    return push.call(this, chunk, encoding);
  };
  return true;
}

function refuse(request: IncomingMessage, response: ServerResponse, limit: number, kind: BodyKind): void {
  // Whoever was reading the body may still try to answer once its stream is cut: let that fail quietly.
  response.on("error", () => {});
  if (response.headersSent) {
    request.destroy();
    return;
  }
  closeAfterLingering(request);
  const message = `Request body too large: ${WHAT[kind]} may send at most ${describeBytes(limit)}.`;
  response.writeHead(413, { "content-type": "application/json; charset=utf-8", connection: "close" });
  response.end(JSON.stringify({ error: message }));
}

/**
 * After a `Connection: close` answer Node closes the socket at once. With the sender's bytes still
 * arriving, closing makes the kernel reset the connection, which can drop our answer before the
 * sender has read it. So, as web servers do ("lingering close"): send our end of the connection,
 * keep reading and dropping what still comes for a moment, then close. The request stream ends
 * with it, so a reader still waiting for the rest of the body gets an error, not a wait forever.
 */
function closeAfterLingering(request: IncomingMessage): void {
  const socket = request.socket;
  socket.destroySoon = function lingerThenDestroy() {
    this.end();
    const close = () => {
      clearTimeout(timer);
      request.destroy();
      this.destroy();
    };
    const timer = setTimeout(close, LINGER_MS);
    this.once("end", close);
    this.once("close", close);
  };
}
