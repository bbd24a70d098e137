// Bodies are bounded before anything reads them: 200 MB sent by someone without a session is cut
// at the limit with a 413, the server's memory does not grow with it, and it serves on.
import { readFileSync } from "node:fs";
import http from "node:http";
import { sendLargeBody } from "@/lib/server/test-support/send-large-body";
import { expect, test } from "./support/test";

const HUGE = 200 * 1024 * 1024;
const MAX_GROWTH_KB = 64 * 1024;

/** Resident and peak memory of the app server, from /proc (kB). */
function memoryKb(): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${process.env.E2E_SERVER_PID}/status`, "utf8");
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1]);
  return { rss: field("VmRSS"), peak: field("VmHWM") };
}

/** The id of a real server action of the build (an unknown id is refused before any body is read). */
function anAdministrationAction(): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename: string }>;
  };
  const id = Object.keys(manifest.node).find((key) => manifest.node[key].filename.includes("admin/actions"));
  if (!id) throw new Error("the build has no administration server action");
  return id;
}

/** Declares 200 MB and asks first (Expect: 100-continue), as curl does for large bodies. */
function declareHugeBody(url: string): Promise<{ status: number; body: string; toldToContinue: boolean }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: "POST",
      headers: { "content-length": String(HUGE), expect: "100-continue" },
    });
    let toldToContinue = false;
    request.on("continue", () => {
      toldToContinue = true;
    });
    request.on("response", (response) => {
      let body = "";
      response.on("data", (text) => {
        body += text;
      });
      response.on("end", () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body, toldToContinue });
      });
    });
    request.on("error", reject);
    request.flushHeaders();
  });
}

test("a 200 MB body without a session is refused at the limit, costs no memory, and the server serves on", async ({
  baseURL,
}) => {
  const clause = "00000000-0000-4000-8000-000000000000";
  const threads = `${baseURL}/api/clauses/${clause}/threads`;
  // Warm the route up first, so what follows measures the body alone.
  const warm = await fetch(threads, { method: "POST", body: "{}" });
  expect(warm.status).toBeGreaterThanOrEqual(400);
  expect(warm.status).toBeLessThan(413);
  const before = memoryKb();

  const toRouteHandler = await sendLargeBody(threads, HUGE);
  expect(toRouteHandler.status).toBe(413);
  expect(JSON.parse(toRouteHandler.body)).toEqual({
    error: "Request body too large: a request to the API may send at most 1 MB.",
  });
  expect(toRouteHandler.sent).toBeLessThan(HUGE);

  const toServerAction = await sendLargeBody(`${baseURL}/admin/${clause}`, HUGE, {
    "next-action": anAdministrationAction(),
    "content-type": "text/plain;charset=UTF-8",
  });
  expect(toServerAction.status).toBe(413);
  expect(JSON.parse(toServerAction.body).error).toBe("Request body too large: a form may send at most 1 MB.");

  const toSignIn = await sendLargeBody(`${baseURL}/api/auth/callback/credentials`, HUGE);
  expect(toSignIn.status).toBe(413);
  expect(JSON.parse(toSignIn.body).error).toMatch(/a sign-in request may send at most 16 KB/);

  const declared = await declareHugeBody(threads);
  expect(declared).toMatchObject({ status: 413, toldToContinue: false });

  const after = memoryKb();
  expect(after.rss - before.rss).toBeLessThan(MAX_GROWTH_KB);
  expect(after.peak - before.peak).toBeLessThan(MAX_GROWTH_KB);

  const health = await fetch(`${baseURL}/api/health`);
  expect(health.status).toBe(200);
  // A body within the limit still reaches the route handler, which answers for itself.
  const within = await fetch(threads, { method: "POST", body: JSON.stringify({ body: "x".repeat(1000) }) });
  expect(within.status).toBe(warm.status);
});
