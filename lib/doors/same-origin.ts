// Cross-site request protection for route handlers (server actions get Next's own origin check),
// in one place. A state-changing request must come from a page of this site: the browser's Origin
// header (or, failing that, Sec-Fetch-Site) must say so. Tools without either (tests, scripts)
// still need a session cookie, and a cookie alone is what a cross-site form would bring, so a
// POST from them is held to the JSON content type, which no cross-site form can send without a
// preflight we never answer (and PUT, PATCH and DELETE always need one).
// X-Forwarded-Host names the address the browser used only behind a proxy we trust
// (TRUST_PROXY, as for client addresses); anyone else could send it to match a forged Origin.

/** The host the browser addressed. */
export function addressedHost(host: string | null | undefined, forwardedHost: string | null | undefined) {
  if (process.env.TRUST_PROXY && forwardedHost) return forwardedHost.split(",")[0].trim();
  return host ?? null;
}

/** Whether an Origin header names the host the request was addressed to. */
export function originMatchesHost(origin: string, host: string | null): boolean {
  try {
    return host !== null && new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function isSameOriginRequest(request: Request): boolean {
  const headers = request.headers;
  const origin = headers.get("origin");
  if (origin) return originMatchesHost(origin, addressedHost(headers.get("host"), headers.get("x-forwarded-host")));
  const site = headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  if (request.method !== "POST") return true;
  return (headers.get("content-type") ?? "").startsWith("application/json");
}
