// The bare reference: a plain Hocuspocus server with no authentication, no extensions and no
// persistence — what "about as fast as an in-memory Yjs server" is measured against.
import { Server } from "@hocuspocus/server";

const port = Number(process.env.PORT ?? 3901);
const server = new Server({ port, address: "127.0.0.1", quiet: true });
await server.listen();
process.stdout.write("reference ready\n");
