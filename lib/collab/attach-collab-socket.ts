// Serves the collaboration websocket at /collab on the app's own HTTP server, so the socket
// shares the web session's cookie and one process serves everything.
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import type { Hocuspocus } from "@hocuspocus/server";
import { WebSocketServer } from "ws";
import { addressedHost, originMatchesHost } from "@/lib/doors/same-origin";
import { log } from "@/lib/log";
import { connectionLimits } from "./connection-limits";
import { MAX_MESSAGE_BYTES, TOO_MANY_CHANGES } from "./socket-notices";

export const COLLAB_PATH = "/collab";

function toFetchRequest(request: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  return new Request(`http://${request.headers.host ?? "localhost"}${request.url ?? "/"}`, { headers });
}

/**
 * A page on another site must not open a socket with our visitors' cookies: the same rule as the
 * route handlers' (lib/doors/same-origin.ts), X-Forwarded-Host counting only behind TRUST_PROXY.
 */
function isSameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (!origin) return true; // not a browser (tests, tools): the session cookie still decides
  const forwarded = request.headers["x-forwarded-host"];
  return originMatchesHost(
    origin,
    addressedHost(request.headers.host, Array.isArray(forwarded) ? forwarded[0] : forwarded),
  );
}

export function attachCollabSocket(server: Server, collab: Hocuspocus): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    // Other upgrades (Next's dev reload socket) belong to Next's own listener.
    if (pathname !== COLLAB_PATH) return;
    if (!isSameOrigin(request)) {
      log.warn({ event: "collab.refused", reason: "cross-origin", origin: request.headers.origin }, "socket refused");
      socket.end("HTTP/1.1 403 Forbidden\r\n\r\n");
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      const connection = collab.handleConnection(ws, toFetchRequest(request));
      const mayReceive = connectionLimits();
      ws.on("message", (data: Buffer) => {
        // Checked before Hocuspocus queues anything: a flood costs this socket, not the clause.
        if (mayReceive(data.length)) return connection.handleMessage(new Uint8Array(data));
        if (ws.readyState !== ws.OPEN) return;
        log.warn({ event: "collab.refused", reason: "too-many-changes", url: request.url }, "socket sent too fast");
        ws.close(TOO_MANY_CHANGES, "Too many changes at once");
      });
      ws.on("close", (code, reason) => connection.handleClose({ code, reason: reason.toString() }));
      // A frame above MAX_MESSAGE_BYTES: ws closes the socket with 1009, which the browser explains.
      ws.on("error", (error) => log.warn({ event: "collab.socket-error", err: error }, "socket error"));
    });
  });
  return wss;
}
