// Streams a large body (chunked, no Content-Length) to a server, as fast as the server reads it,
// and stops as soon as the server answers. Reports the answer and how much was sent before it.
import http from "node:http";

export interface LargeBodyResult {
  status: number;
  body: string;
  /** Bytes written before the answer arrived (or the connection was cut). */
  sent: number;
}

export function sendLargeBody(
  url: string,
  totalBytes: number,
  headers: Record<string, string> = {},
): Promise<LargeBodyResult> {
  const chunk = Buffer.alloc(64 * 1024, "a");
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const request = http.request(url, { method: "POST", headers: { "content-type": "application/json", ...headers } });
    request.on("response", (response) => {
      answered = true;
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (text) => {
        body += text;
      });
      response.on("end", () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body, sent });
      });
    });
    request.on("error", (error) => {
      if (!answered) reject(new Error(`no answer after ${sent} bytes: ${error.message}`));
    });
    const write = () => {
      while (!answered && sent < totalBytes) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", write);
      }
      if (!answered) request.end();
    };
    write();
  });
}
