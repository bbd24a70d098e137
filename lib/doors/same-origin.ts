// Cross-site request protection for route handlers (server actions get Next's own origin check).
// A state-changing request must come from a page of this site: the browser's Origin header (or,
// failing that, Sec-Fetch-Site) must say so. Tools without either (tests, scripts) still need a
// session cookie, and a cookie alone is what a cross-site form would bring, so they are held to
// the JSON content type, which no cross-site form can send without a preflight we never answer.
export function isSameOriginRequest(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin) {
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  }
  const site = request.headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  return (request.headers.get("content-type") ?? "").startsWith("application/json");
}
