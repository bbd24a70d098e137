// A real collaboration server on a random port for Node tests: the same socket door and
// Hocuspocus configuration as server.ts, without Next.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Extension, Hocuspocus } from "@hocuspocus/server";
import { attachCollabSocket } from "../attach-collab-socket";
import { createCollabServer } from "../collab-server";

export type CollabTestServer = { url: string; collab: Hocuspocus; stop(): Promise<void> };

export async function startCollabTestServer(port = 0, extensions: Extension[] = []): Promise<CollabTestServer> {
  const server: Server = createServer((_, response) => response.writeHead(404).end());
  const collab = createCollabServer(extensions);
  const sockets = attachCollabSocket(server, collab);
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: actualPort } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${actualPort}/collab`,
    collab,
    // Like a crash: sockets are cut, nothing is flushed (there is nothing to flush by design).
    async stop() {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // Releases what extensions hold outside the documents (e.g. Redis subscriptions).
      await collab.hooks("onDestroy", { instance: collab }).catch(() => {});
    },
  };
}
