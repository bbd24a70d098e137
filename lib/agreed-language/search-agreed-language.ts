// The clause room's search of the library: every word typed must occur (case-insensitive) in the
// entry's source, article, topic or text. Pure, so the dialog filters as one types.
import type { AgreedLanguage } from "./list-agreed-language";

export function searchAgreedLanguage(entries: readonly AgreedLanguage[], query: string): AgreedLanguage[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((entry) => {
    const haystack = `${entry.source} ${entry.article} ${entry.topic} ${entry.text}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
