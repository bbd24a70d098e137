// The article's open alternatives: each passage with its options side by side, "Alt 1" being the
// words in the text, each with the delegation that sponsors it and those that support it.
import type { ClauseCompilation } from "@/lib/compilation/compilation";

export function AlternativeSets({ compilation }: { compilation: ClauseCompilation }) {
  if (compilation.alternatives.length === 0)
    return <p className="text-sm text-slate-500">No alternatives are open on this article.</p>;
  return (
    <ol className="space-y-3 text-sm" data-testid="compiled-alternatives">
      {compilation.alternatives.map((set) => (
        <li key={set.id}>
          <ul className="space-y-1">
            {set.options.map((option) => (
              <li key={option.id}>
                <span className="font-semibold">Alt {option.position}:</span>{" "}
                <span className="font-serif">{option.text}</span>
                <span className="text-slate-600">
                  {" "}
                  — {option.sponsor ? `sponsored by ${option.sponsor}` : "the words in the text"}
                  {option.supporters.length > 0 ? `; supported by ${option.supporters.join(", ")}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
