// The sets of alternatives the chair chose between, as the clause's history shows them
// (lib/readings/clause-history.ts): the option chosen, and every option with its sponsor and
// supporters — the ones not chosen are kept here, as the record of what was on the table.
import { type AlternativeOptionView, chosenAlternativeSets } from "./alternative-sets";

export type AlternativesChosen = {
  kind: "alternatives-chosen";
  at: string;
  chosenBy: string;
  /** The position of the option chosen (1 = the words that stood in the text). */
  chosen: number;
  options: AlternativeOptionView[];
};

export async function alternativesChosen(clauseId: string): Promise<AlternativesChosen[]> {
  const sets = await chosenAlternativeSets(clauseId);
  return sets.flatMap((set) =>
    set.chosen
      ? [
          {
            kind: "alternatives-chosen",
            at: set.chosen.at,
            chosenBy: set.chosen.by,
            chosen: set.chosen.position,
            options: set.options,
          },
        ]
      : [],
  );
}
