// Sentences that name a delegation. Names differ in whether English puts an article before them
// ("the Philippines", "the Russian Federation", "Australia") and a possessive breaks on some
// ("Philippines's"), so a delegation's name always stands on its own, in apposition: "the
// proposal (Philippines)". No imports: the browser loads this file.

/** Words quoted in a label, shortened so a screen reader does not read a whole paragraph. */
export function quoteWords(words: string, max = 60): string {
  const text = words.replace(/\s+/g, " ").trim();
  return `‘${text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text}’`;
}

/** "the proposal (Canada)", with its words when there are some: "the proposal (Canada): ‘…’". */
export function proposalOf(delegationName: string, words = ""): string {
  const named = `the proposal (${delegationName})`;
  return words.trim() ? `${named}: ${quoteWords(words)}` : named;
}

/** Told to a delegate who tried to change words another delegation proposed. */
export function othersProposalRefusal(delegationName: string): string {
  return `Those words are another delegation's proposal (${delegationName}). They stay until that delegation withdraws them or the chair decides; record your position on them instead.`;
}

/** What the bulk decision decides, for one delegation: "all open proposals (Canada)". */
export function allProposalsOf(delegationName: string): string {
  return `all open proposals (${delegationName})`;
}

/** What a thread is about, for its buttons' names: "the thread on ‘…’", "the discussion of the proposal (Canada): ‘…’". */
export function threadSubject(thread: {
  quote: string | null;
  proposal: { insertedText: string; deletedText: string; delegation: { name: string } } | null;
}): string {
  if (thread.proposal) {
    const { insertedText, deletedText, delegation } = thread.proposal;
    return `the discussion of ${proposalOf(delegation.name, insertedText || deletedText)}`;
  }
  return thread.quote === null ? "the thread on the whole clause" : `the thread on ${quoteWords(thread.quote)}`;
}
