// A minimal TCP load balancer for tests: each new connection goes to the next backend that
// accepts it, so when one instance dies its clients' reconnects land on another.

import type { AddressInfo } from "node:net";
import net from "node:net";

export type TcpBalancer = { port: number; close(): Promise<void> };

export async function startTcpBalancer(backendPorts: number[]): Promise<TcpBalancer> {
  let next = 0;
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    open.add(client);
    client.on("close", () => open.delete(client));
    client.pause();
    const tryBackend = (attemptsLeft: number) => {
      const port = backendPorts[next++ % backendPorts.length];
      const backend = net.connect(port, "127.0.0.1");
      backend.once("connect", () => {
        open.add(backend);
        backend.on("close", () => open.delete(backend));
        client.pipe(backend).pipe(client);
        client.resume();
        backend.on("error", () => client.destroy());
        client.on("error", () => backend.destroy());
        backend.on("close", () => client.destroy());
        client.on("close", () => backend.destroy());
      });
      backend.once("error", () => (attemptsLeft > 1 ? tryBackend(attemptsLeft - 1) : client.destroy()));
    };
    tryBackend(backendPorts.length);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
