// Every session token carries the person's session version from the moment it was issued (the
// `sv` claim); raising User.sessionVersion (lib/auth/end-every-session.ts) ends every token issued
// before, wherever it was copied to. A token from before versions existed counts as version 0.
// No imports: it reads a token, nothing else.

export function sessionVersionOf(token: { sv?: unknown }): number {
  return typeof token.sv === "number" && Number.isInteger(token.sv) ? token.sv : 0;
}
