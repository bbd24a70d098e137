// The body limit on a real HTTP server, with a handler that reads bodies the naive way (into
// memory): it never receives more than the limit, the sender is answered 413, and the server
// keeps serving. The same limit on the real app (server.ts, with Next) is tried in
// e2e/bounded-input.spec.ts.
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { limitRequestBody } from "./limit-request-body";
import { sendLargeBody } from "./test-support/send-large-body";

const LIMIT = 64 * 1024;
let server: http.Server;
let base: string;
const readByHandler: number[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (!limitRequestBody(request, response, LIMIT, "route-handler")) return;
    let bytes = 0;
    request.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
    });
    request.on("end", () => {
      readByHandler.push(bytes);
      response.end(JSON.stringify({ bytes }));
    });
    request.on("close", () => readByHandler.push(bytes));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.close();
});

describe("limitRequestBody", () => {
  it("passes a body within the limit through whole", async () => {
    const response = await fetch(base, { method: "POST", body: "x".repeat(LIMIT) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ bytes: LIMIT });
  });

  it("refuses a declared Content-Length above the limit without passing the request on", async () => {
    readByHandler.length = 0;
    const response = await fetch(base, { method: "POST", body: "x".repeat(LIMIT + 1) });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: "Request body too large: a request to the API may send at most 64 KB.",
    });
    expect(readByHandler).toEqual([]);
  });

  it("cuts a streamed body at the limit: 413, the reader saw no more than the limit, the server serves on", async () => {
    readByHandler.length = 0;
    const result = await sendLargeBody(base, 50 * 1024 * 1024);
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body).error).toMatch(/at most 64 KB/);
    expect(result.sent).toBeLessThan(50 * 1024 * 1024);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the reader's stream closes with the socket
    expect(readByHandler.length).toBe(1);
    expect(readByHandler[0]).toBeLessThanOrEqual(LIMIT);

    const next = await fetch(base, { method: "POST", body: "{}" });
    expect(await next.json()).toEqual({ bytes: 2 });
  });
});
