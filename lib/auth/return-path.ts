// Where sign-in leads back to: a page of this site the person was on when their session ended
// (a clause, with what they kept on the device waiting to be sent). Only a path of this site is
// followed, never another site's address. No imports: the browser loads it.

const HERE = "http://clausework.invalid";

/** `value` as a path of this site, or the home page when it is anything else. */
export function returnPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return "/";
  try {
    const url = new URL(value, HERE);
    return url.origin === HERE ? `${url.pathname}${url.search}${url.hash}` : "/";
  } catch {
    return "/";
  }
}

/** The sign-in page, leading back to `path` once signed in. */
export function signInPath(path: string): string {
  const back = returnPath(path);
  return back === "/" ? "/signin" : `/signin?next=${encodeURIComponent(back)}`;
}
