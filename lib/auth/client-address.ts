// The address a request came from, for the sign-in limits and the audit trail.
//
// Without TRUST_PROXY, server.ts replaces X-Forwarded-For with the socket's own address, so the
// header holds exactly one value and a client cannot pick its address by sending one.
// With TRUST_PROXY (one trusted load balancer in front of us), the header arrives as the client
// sent it with our load balancer's entry appended: only the LAST (right-most) value was written
// by a machine we trust — the address our load balancer saw the connection come from. Every
// value before it is whatever the client (or proxies we do not run) chose to write, so it is
// never read. Several X-Forwarded-For header lines count as one list, in order.
type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

export function clientAddress(headers: HeaderSource): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers?.["x-forwarded-for"];
  const list = Array.isArray(raw) ? raw.join(",") : raw;
  const last = list?.split(",").at(-1)?.trim();
  return last ? last.slice(0, 64) : "unknown";
}
