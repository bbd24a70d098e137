// A TCP proxy for fault tests: put it between the app and PostgreSQL or Redis, then `cut()` it
// (open connections are reset and new ones refused, as when the server goes down) and
// `restore()` it on the same port.
import type { AddressInfo } from "node:net";
import net from "node:net";

export type TcpProxy = {
  port: number;
  /** `url` with its host and port replaced by the proxy's. */
  urlFor(url: string): string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
};

export async function startTcpProxy(targetPort: number, targetHost = "127.0.0.1"): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    open.add(socket);
    socket.on("close", () => open.delete(socket));
  };
  const server = net.createServer((client) => {
    track(client);
    const backend = net.connect(targetPort, targetHost);
    track(backend);
    client.pipe(backend).pipe(client);
    backend.on("error", () => client.destroy());
    client.on("error", () => backend.destroy());
    backend.on("close", () => client.destroy());
    client.on("close", () => backend.destroy());
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
  const stop = async () => {
    if (!server.listening) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of open) socket.destroy();
    await closed;
  };
  await listen(0);
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    urlFor(url: string) {
      const proxied = new URL(url);
      proxied.hostname = "127.0.0.1";
      proxied.port = String(port);
      return proxied.toString();
    },
    cut: stop,
    restore: () => listen(port),
    close: stop,
  };
}
