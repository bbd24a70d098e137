// The preferred wording as it should replace one match: capitalised when the words it replaces
// begin with a capital (the start of a sentence, a title) and the glossary writes it in lower case.
export function preferredForMatch(matched: string, preferred: string): string {
  const first = matched.charAt(0);
  const startsUpper = first !== first.toLowerCase() && first === first.toUpperCase();
  if (!startsUpper) return preferred;
  return preferred.charAt(0).toUpperCase() + preferred.slice(1);
}
