// What a compilation holds, per clause: the rolling text in its agreed form, every open proposal
// with who made it, who sponsors, supports, opposes and reserves, and a table of where each
// delegation stands. A topic's compilation is the same for each of its clauses. Plain data: the
// page (components/compilation) lays it out section by section — further sections (brackets,
// alternatives, paragraph status) join as fields here and entries in that page's section list.
import type { AlternativeSetView } from "@/lib/alternatives/alternative-sets";
import type { ReadingParagraph } from "@/lib/readings/reading";
import type { SponsorView } from "@/lib/sponsors/sponsors-view";

export type Stance = "SUPPORTS" | "OPPOSES" | "RESERVES";

export type CompiledDelegation = { id: string; code: string; name: string };

export type CompiledProposal = {
  id: string;
  /** "P1", "P2"… in text order: how the positions table names it. */
  label: string;
  kind: "INSERTION" | "DELETION" | "REPLACEMENT";
  insertedText: string;
  deletedText: string;
  contextBefore: string;
  contextAfter: string;
  delegation: CompiledDelegation & { colour: string };
  author: string;
  proposedAt: string;
  /** "Jamaica, on behalf of CARICOM" / "Australia, Canada and New Zealand". */
  sponsorLine: string;
  onBehalfOf: string | null;
  sponsors: SponsorView[];
  supporters: CompiledDelegation[];
  objectors: CompiledDelegation[];
  reservations: CompiledDelegation[];
  /** Positions given on an earlier wording, not counted until stated again. */
  earlier: (CompiledDelegation & { stance: Stance })[];
};

/** One cell of the positions table: the delegation's part in one proposal. */
export type PositionCell = "AUTHOR" | "SPONSOR" | Stance | null;

export type PositionsTable = {
  /** Every delegation of the instrument that sees the clause, in name order. */
  delegations: CompiledDelegation[];
  /** cells[delegation index][proposal index]. */
  cells: PositionCell[][];
};

/** A square-bracketed passage of the agreed text: a delegation's reservation, not yet agreed. */
export type CompiledBracket = {
  id: string;
  words: string;
  delegationCode: string;
  person: string;
  /** When it was placed (ISO). */
  at: string;
  note: string | null;
};

export type ClauseCompilation = {
  clause: {
    id: string;
    number: string;
    title: string;
    status: "OPEN" | "AGREED_AD_REF" | "AGREED";
    chapter: { number: string; title: string };
  };
  /** The rolling text as agreed so far: every open proposal left out (lib/clause-model). */
  text: ReadingParagraph[];
  proposals: CompiledProposal[];
  brackets: CompiledBracket[];
  /** Open sets of alternatives (lib/alternatives): Alt 1 the words in the text, then the others. */
  alternatives: AlternativeSetView[];
  positions: PositionsTable;
};
