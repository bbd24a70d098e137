// With REDIS_URL set, instances share live documents through Hocuspocus' Redis extension.
// Durable state stays in PostgreSQL only; Redis just carries updates and presence between instances.
import { Redis } from "@hocuspocus/extension-redis";
import type { Extension } from "@hocuspocus/server";

/**
 * On shutdown the extension closes its publishing connection before its subscription, so a
 * message from another instance arriving in between is answered on a closed connection — an
 * unhandled rejection while the process stops. Stop listening first.
 */
class ClosingRedis extends Redis {
  async onDestroy() {
    this.sub.removeAllListeners("messageBuffer");
    this.sub.disconnect(false);
    await super.onDestroy();
  }
}

export function redisExtensions(url = process.env.REDIS_URL, prefix = "clausework"): Extension[] {
  if (!url) return [];
  const { hostname, port } = new URL(url);
  return [new ClosingRedis({ host: hostname, port: Number(port || 6379), prefix })];
}
