// The security headers every response carries, decided in one place and set by server.ts before
// Next sees the request. The Content-Security-Policy holds a fresh nonce per request; server.ts
// also puts the policy on the request, where Next reads the nonce while rendering and gives it to
// its own scripts (every page is rendered per request: app/layout.tsx waits for the request).
//
// - Scripts: only those carrying the nonce, and what they load ('strict-dynamic'); never inline
//   code an attacker could slip into a page. 'unsafe-eval' only in development (React's dev tools).
// - Styles: 'unsafe-inline'. Tiptap, its collaboration carets and React set style attributes that
//   no nonce can cover; a style cannot run code, and every style sheet still comes from us.
// - Connections: our own origin, including the collaboration websocket (ws:/wss: of the same host).
// - No framing by anyone (frame-ancestors 'none', and X-Frame-Options for older browsers).
// - HSTS only when served over https: NEXTAUTH_URL is https, or a trusted proxy (TRUST_PROXY)
//   says the client came in over https.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

export type SecurityHeaderContext = {
  nonce: string;
  /** The Host the browser used, for the websocket's ws:/wss: source; ignored unless it is a plain host[:port]. */
  host?: string;
  https: boolean;
  dev: boolean;
};

const HSTS_MAX_AGE_S = 365 * 24 * 60 * 60;
const PLAIN_HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

export function contentSecurityPolicy({ nonce, host, dev }: SecurityHeaderContext): string {
  const sockets = host && PLAIN_HOST.test(host) ? ` ws://${host} wss://${host}` : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${sockets}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function securityHeaders(context: SecurityHeaderContext): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(context),
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    // Clause addresses and instrument ids stay inside the application.
    "referrer-policy": "same-origin",
    "permissions-policy":
      "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()",
    "cross-origin-opener-policy": "same-origin",
    ...(context.https ? { "strict-transport-security": `max-age=${HSTS_MAX_AGE_S}` } : {}),
  };
}

/** Whether this request reached us over https, as far as we can know. */
export function servedOverHttps(
  forwardedProto: string | string[] | undefined,
  env: { NEXTAUTH_URL?: string; TRUST_PROXY?: string } = process.env,
): boolean {
  if ((env.NEXTAUTH_URL ?? "").startsWith("https://")) return true;
  if (!env.TRUST_PROXY) return false;
  // The proxy nearest to us appends last.
  const value = Array.isArray(forwardedProto) ? forwardedProto.join(",") : (forwardedProto ?? "");
  return value.split(",").at(-1)?.trim().toLowerCase() === "https";
}

/**
 * Puts the policy on the request, for Next to read the nonce from, and the headers on the response
 * as it is sent — each one only if the handler did not set its own (an export keeps its stricter
 * policy; a header set before Next runs would win over the handler's, Next keeps the first).
 */
export function applySecurityHeaders(request: IncomingMessage, response: ServerResponse, dev: boolean): void {
  const headers = securityHeaders({
    nonce: newNonce(),
    host: request.headers.host,
    https: servedOverHttps(request.headers["x-forwarded-proto"]),
    dev,
  });
  // Whatever policy a client sent is not ours: Next must find only our nonce.
  delete request.headers["content-security-policy-report-only"];
  request.headers["content-security-policy"] = headers["content-security-policy"];
  const writeHead = response.writeHead;
  response.writeHead = function writeHeadWithSecurityHeaders(this: ServerResponse, ...args: unknown[]) {
    for (const [name, value] of Object.entries(headers)) if (!this.hasHeader(name)) this.setHeader(name, value);
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse["writeHead"];
}
