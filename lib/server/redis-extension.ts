// With REDIS_URL set, instances share live documents through Hocuspocus' Redis extension.
// Durable state stays in PostgreSQL only; Redis just carries updates and presence between instances.
import { Redis } from "@hocuspocus/extension-redis";
import type { Extension } from "@hocuspocus/server";

export function redisExtensions(url = process.env.REDIS_URL, prefix = "clausework"): Extension[] {
  if (!url) return [];
  const { hostname, port } = new URL(url);
  return [new Redis({ host: hostname, port: Number(port || 6379), prefix })];
}
