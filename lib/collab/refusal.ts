// An error Hocuspocus turns into a "permission denied" message with our reason,
// which the provider passes to onAuthenticationFailed.
export function refusal(reason: string): Error & { reason: string } {
  return Object.assign(new Error(reason), { reason });
}
