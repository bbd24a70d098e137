// One "alternatives chosen" entry of a clause's history: the option the chair chose, and every
// option with its sponsor and supporters (the others are kept here as the record).
import { RelativeTime } from "@/components/ui/relative-time";
import type { AlternativesChosen } from "@/lib/alternatives/alternatives-chosen";

export function AlternativesChosenEntry({ entry }: { entry: AlternativesChosen }) {
  return (
    <li className="px-3 text-sm text-slate-700" data-testid="alternatives-chosen">
      <RelativeTime iso={entry.at} /> · {entry.chosenBy} chose Alt {entry.chosen} of the alternatives:
      <ul className="mt-1 ml-4 list-disc">
        {entry.options.map((option) => (
          <li key={option.id} className={option.position === entry.chosen ? "font-medium" : "text-slate-500"}>
            Alt {option.position}: “{option.text}” ({option.sponsor ?? "the text"}
            {option.supporters.length > 0 ? `; supported by ${option.supporters.join(", ")}` : ""})
            {option.position === entry.chosen ? " — chosen" : ""}
          </li>
        ))}
      </ul>
    </li>
  );
}
