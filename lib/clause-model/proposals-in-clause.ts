// The proposals in a clause (read-proposals.ts), each with the fingerprint of its words. The
// proposals index, decisions and the guard all read this list; the browser reads the same
// proposals without fingerprints and takes those from the index.
import type { ClauseModel } from "./clause-model";
import { proposalFingerprint } from "./proposal-fingerprint";
import { type ProposalWords, readProposals } from "./read-proposals";

export type { ProposalKind } from "./read-proposals";

export type ProposalInText = ProposalWords & {
  /** proposalFingerprint of its kind and words. */
  fingerprint: string;
};

// Most proposals keep their words from one reading to the next: their fingerprints are kept.
const fingerprints = new Map<string, string>();
const KEPT_FINGERPRINTS = 50_000;

function fingerprintOf(proposal: ProposalWords): string {
  const key = `${proposal.kind}\u0000${proposal.insertedText}\u0000${proposal.deletedText}`;
  let fingerprint = fingerprints.get(key);
  if (fingerprint === undefined) {
    if (fingerprints.size >= KEPT_FINGERPRINTS) fingerprints.clear();
    fingerprint = proposalFingerprint(proposal);
    fingerprints.set(key, fingerprint);
  }
  return fingerprint;
}

export function proposalsInClause(model: ClauseModel): ProposalInText[] {
  return readProposals(model).map((proposal) => ({ ...proposal, fingerprint: fingerprintOf(proposal) }));
}
