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
  page: "a page request",
};

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
    if (refused) return false; // dropped: the answer is already on its way
    if (chunk !== null && chunk !== undefined) {
      received += (chunk as Buffer).length;
      if (received > limit) {
        refused = true;
        refuse(request, response, limit, kind);
        return false; // false also tells the parser to stop reading the socket
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
    request.socket.destroy();
    return;
  }
  const message = `Request body too large: ${WHAT[kind]} may send at most ${describeBytes(limit)}.`;
  // Connection: close makes Node close the socket once the answer is written. The request stream
  // is not ended by that (Node detaches it when the answer finishes): end it, so a reader waiting
  // for the rest of the body gets an error instead of waiting forever.
  response.once("close", () => request.destroy());
  response.writeHead(413, { "content-type": "application/json; charset=utf-8", connection: "close" });
  response.end(JSON.stringify({ error: message }));
}
