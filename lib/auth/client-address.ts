// The address a request came from, for rate limiting and the audit trail. server.ts overwrites
// X-Forwarded-For with the socket's own address unless TRUST_PROXY is set (behind a load
// balancer that sets it), so a client cannot pick its own address by sending the header.
type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

export function clientAddress(headers: HeaderSource): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers?.["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw[0] : raw;
  const first = value?.split(",")[0]?.trim();
  return first ? first.slice(0, 64) : "unknown";
}
