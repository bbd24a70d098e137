// A first guess of a Word author's delegation, for the mapping's select: Word files written by
// Clausework's export name their authors "<Delegation> (<person>)", and many delegations type
// their name or code into Word's user name. The secretariat confirms or changes every guess.
type Named = { id: string; code: string; name: string };

export function guessDelegation(author: string, delegations: readonly Named[]): string {
  const words = author.toLowerCase();
  const byName = delegations.find((d) => words.startsWith(d.name.toLowerCase()));
  if (byName) return byName.id;
  const tokens = new Set(author.split(/[^A-Za-z]+/).filter(Boolean));
  return delegations.find((d) => tokens.has(d.code))?.id ?? "";
}
