// Who may do what — the one place that decides. Pure: no I/O, no framework.
// Every door (pages, route handlers, server actions, the collaboration socket) asks `can`.
// Each action is one rule, readable as a sentence; add new actions here, nowhere else.
import type { Role } from "./roles";

/** A signed-in person acting through their organisation in one instrument. */
export type Actor = {
  userId: string;
  organizationId: string;
  active: boolean;
  /** The organisation's role in the instrument; null when it does not take part. */
  role: Role | null;
  /** The instrument's setting: may observers and experts comment, or only read? */
  observersMayComment: boolean;
};

/** What an action is done to, when the rule depends on it (who wrote it, who may see it). */
export type Target = {
  /** The person who wrote the comment, started the thread or made the proposal. */
  authorId?: string;
  /** Their organisation. */
  authorOrganizationId?: string;
  /**
   * Informal consultations: when set, only these organisations (and the chair) see the thing.
   * To everyone else it does not exist.
   */
  restrictedTo?: readonly string[] | null;
  /** A thread's participants: the people who wrote in it. */
  participantIds?: readonly string[];
  /** A thread closed because its proposal was decided or withdrawn, not by a person resolving it. */
  closedByOutcome?: boolean;
  /** The delegation invited to co-sponsor the proposal (lib/sponsors). */
  sponsorOrganizationId?: string;
};

type Rule = (actor: Actor & { role: Role }, target: Target) => boolean;

const anyRole: Rule = () => true;
const roles =
  (...allowed: Role[]): Rule =>
  (actor) =>
    allowed.includes(actor.role);
const isAuthor: Rule = (actor, target) => target.authorId !== undefined && target.authorId === actor.userId;
const both =
  (first: Rule, second: Rule): Rule =>
  (actor, target) =>
    first(actor, target) && second(actor, target);
const ofAuthorsDelegation: Rule = (actor, target) =>
  target.authorOrganizationId !== undefined && target.authorOrganizationId === actor.organizationId;
const isInvitedDelegation: Rule = (actor, target) =>
  target.sponsorOrganizationId !== undefined && target.sponsorOrganizationId === actor.organizationId;
const tookPart: Rule = (actor, target) => target.participantIds?.includes(actor.userId) ?? false;
const mayComment: Rule = (actor) =>
  actor.role === "CHAIR" || actor.role === "DELEGATE" || (actor.role === "OBSERVER" && actor.observersMayComment);

const RULES = {
  /** See the instrument, its chapters and clause list. */
  "instrument.view": anyRole,
  /** Download the draft (clean or with proposals) of the clauses one sees, to print or keep. */
  "instrument.export": anyRole,
  /** Open a clause and read its text live. */
  "clause.view": anyRole,
  /** Change the text of a clause directly in the collaborative editor (not as a proposal). */
  "clause.editText": roles("CHAIR"),
  /** Propose wording in suggest mode: insertions and deletions attributed to the delegation. */
  "clause.suggest": roles("CHAIR", "DELEGATE"),
  /** Withdraw (or revise) a proposal — only one's own. */
  "proposal.withdraw": both(roles("CHAIR", "DELEGATE"), isAuthor),
  /** Accept or reject proposals, one, a delegation's, or all in a clause. */
  "proposal.decide": roles("CHAIR"),
  /**
   * Undo a decision just taken (for a short while, see lib/proposals/undo-decision.ts): the
   * chair who took it or another of the instrument's chair and secretariat — the same people
   * who may decide, since an undo is a decision taken back.
   */
  "proposal.undoDecision": roles("CHAIR"),
  /**
   * Put square brackets on agreed words: a delegation's reservation ("not yet agreed"), placed at
   * once by the server with its delegation and person (lib/brackets/place-bracket.ts). The chair
   * and secretariat may bracket too.
   */
  "bracket.place": roles("CHAIR", "DELEGATE"),
  /** Remove a bracket — which records that the words are agreed: the chair's alone. */
  "bracket.remove": roles("CHAIR"),
  /**
   * Propose an alternative wording for agreed words — starting a set of alternatives ("Alt 1"
   * the words in the text, "Alt 2" the new wording) or adding a further option to a set — and
   * support an option on behalf of the delegation (lib/alternatives). The chair may too.
   */
  "alternatives.propose": roles("CHAIR", "DELEGATE"),
  "alternatives.support": roles("CHAIR", "DELEGATE"),
  /** Choose one option of a set, which ends it: the chair's alone. */
  "alternatives.choose": roles("CHAIR"),
  /** Record the delegation's position on a proposal: supports, opposes, reserves. */
  "proposal.takePosition": roles("DELEGATE"),
  /**
   * Invite another delegation to co-sponsor a proposal, and name the group its sponsors speak
   * for ("on behalf of CARICOM"): the author's delegation, any of its delegates.
   */
  "proposal.inviteSponsor": both(roles("DELEGATE"), ofAuthorsDelegation),
  /** Accept or decline co-sponsoring a proposal: only the delegation invited, by its delegates. */
  "proposal.answerSponsorship": both(roles("DELEGATE"), isInvitedDelegation),
  /** Read the compilation of a clause or of a topic: the text with every open proposal and where each delegation stands. */
  "compilation.view": anyRole,
  /** Edit the instrument itself: its titles, its settings, its chapters; start a new instrument. */
  "instrument.manage": roles("CHAIR"),
  /** Create clauses and change their number, title, topics, order, status and restrictions. */
  "clause.manage": roles("CHAIR"),
  /** Add organisations and people, set roles, invite and deactivate people. */
  "members.manage": roles("CHAIR"),
  /** Save a named version of a clause, a chapter or the instrument ("after the first reading"). */
  "reading.save": roles("CHAIR"),
  /**
   * Bring a clause back to a saved version — as the chair's proposals against the current text,
   * decided like any other (lib/readings/restore-clause-version.ts), never an overwrite.
   */
  "clause.restoreVersion": roles("CHAIR"),
  /**
   * Keep the instrument's glossary (terms to avoid, the wording to use) and its library of agreed
   * language (provisions of existing instruments to borrow): the secretariat's reference work.
   * Everyone who sees the instrument reads both, as they read its text.
   */
  "glossary.manage": roles("CHAIR"),
  "agreedLanguage.manage": roles("CHAIR"),
  /**
   * Present a clause to the plenary (lib/plenary): start and stop a presentation, and send the
   * view — paragraph in focus, selection, scroll — that every following screen shows. Running the
   * meeting is the chair's and the secretariat's.
   */
  "clause.present": roles("CHAIR"),
  /** Browse the audit trail. */
  "audit.view": roles("CHAIR"),
  /**
   * Set a numbered paragraph's status: open, agreed ad referendum, agreed. Agreed text is then
   * locked for delegations (lib/paragraph-status).
   */
  "paragraph.setStatus": roles("CHAIR"),
  /** Ask the chair to reopen an agreed paragraph or clause, giving a reason. */
  "paragraph.requestReopen": roles("DELEGATE"),
  /** Answer a request to reopen: reopen the text, or decline with a reason. */
  "paragraph.answerReopen": roles("CHAIR"),
  /** Read a clause's comment threads (and be mentioned in them). */
  "thread.view": anyRole,
  /** Start a thread on words of a clause, on the whole clause, or on a proposal. */
  "thread.create": mayComment,
  /** Reply in a thread. */
  "comment.reply": mayComment,
  /** Edit a comment: only its author, while they may still comment. */
  "comment.edit": (actor, target) => isAuthor(actor, target) && mayComment(actor, target),
  /** Delete a comment (it leaves a "comment deleted" marker): only its author, while they may comment. */
  "comment.delete": (actor, target) => isAuthor(actor, target) && mayComment(actor, target),
  /** Resolve a thread: the person who started it, or the chair and secretariat. */
  "thread.resolve": (actor, target) => actor.role === "CHAIR" || (isAuthor(actor, target) && mayComment(actor, target)),
  /**
   * Reopen a resolved thread: the same people who may resolve it — and, when it was closed
   * because its proposal was decided or withdrawn, anyone who took part in it (it is their
   * discussion the outcome ended, not a choice of its starter).
   */
  "thread.reopen": (actor, target) =>
    actor.role === "CHAIR" ||
    ((isAuthor(actor, target) || (target.closedByOutcome === true && tookPart(actor, target))) &&
      mayComment(actor, target)),
} satisfies Record<string, Rule>;

export type Action = keyof typeof RULES;
export const ACTIONS = Object.keys(RULES) as Action[];

/** Rules that later capabilities build on; exported so tests can read them in words. */
export const rules = { anyRole, roles, isAuthor, both, mayComment, tookPart, ofAuthorsDelegation, isInvitedDelegation };

export function can(actor: Actor | null, action: Action, target: Target = {}): boolean {
  if (!actor?.active || actor.role === null) return false;
  const restricted = target.restrictedTo;
  if (restricted && actor.role !== "CHAIR" && !restricted.includes(actor.organizationId)) return false;
  return RULES[action]({ ...actor, role: actor.role }, target);
}

// ── Acting on a person's account ────────────────────────────────────────────────────────────
// A new sign-in link, a deactivation, a move to another organisation and an invitation into an
// organisation change what a person may do in *every* instrument they (or that organisation)
// take part in, not only in the one whose page the act starts from. So it needs management of
// every one of those instruments — or the system administrator role, granted by
// `npm run admin:grant`. Attaching an organisation to an instrument one chairs therefore gives no
// power over its people elsewhere.

/** The facts about who acts on an account: loaded by the command, decided here. */
export type AccountActor = {
  active: boolean;
  /** Granted only by `npm run admin:grant`. */
  systemAdmin: boolean;
  /** The instruments where the actor may manage members (each decided by `can(…, "members.manage")`). */
  managesMembersOf: readonly string[];
};

/** Every instrument the act reaches. */
export type AccountTarget = {
  /**
   * Where the person takes part through their organisations — and, for a move or an invitation,
   * where the organisation they join takes part. Never empty for an act started from an instrument.
   */
  instrumentIds: readonly string[];
};

export function canActOnAccount(actor: AccountActor, target: AccountTarget): boolean {
  if (!actor.active) return false;
  if (actor.systemAdmin) return true;
  if (target.instrumentIds.length === 0) return false;
  return target.instrumentIds.every((id) => actor.managesMembersOf.includes(id));
}

// ── Attaching an organisation to an instrument ──────────────────────────────────────────────
// Attaching an organisation makes its people's accounts count in one more instrument, and so
// takes account powers over them away from whoever managed every instrument they took part in
// until then (canActOnAccount). It is an act on every one of its people's accounts at once: the
// secretariat attaching it (who must manage members of the instrument it joins, by `can`) must
// also manage every instrument where it already takes part — or be a system administrator.
// Starting an instrument attaches one's own organisation to it, under the same rule.

/** Where the organisation already takes part, besides the instrument it joins. */
export type AttachTarget = { alreadyIn: readonly string[] };

export function canAttachOrganization(actor: AccountActor, target: AttachTarget): boolean {
  if (!actor.active) return false;
  if (actor.systemAdmin) return true;
  return target.alreadyIn.every((id) => actor.managesMembersOf.includes(id));
}

/** The facts `actorIn` needs about a person: who they are, for which organisation, whether active. */
export type Person = { userId: string; organizationId: string; active: boolean };
/** An organisation's part in one instrument, as stored (null: it takes no part). */
export type Participation = { role: Role; observersMayComment: boolean } | null;

/** The one way an Actor is made: a person, and their organisation's part in the instrument. */
export function actorIn(person: Person, participation: Participation): Actor {
  return {
    userId: person.userId,
    organizationId: person.organizationId,
    active: person.active,
    role: participation?.role ?? null,
    observersMayComment: participation?.observersMayComment ?? false,
  };
}

/** The instruments, among the organisation's participations, where the person may manage members. */
export function instrumentsWhereMembersManaged(
  person: Person,
  participations: readonly ({ instrumentId: string } & NonNullable<Participation>)[],
): string[] {
  return participations
    .filter((participation) => can(actorIn(person, participation), "members.manage"))
    .map((participation) => participation.instrumentId);
}

/** What a viewer may do with one proposal, as its card shows it: every answer from the rules above. */
export type ProposalAbilities = { mayWithdraw: boolean; mayDecide: boolean; mayTakePosition: boolean };

export function proposalAbilities(
  actor: Actor | null,
  proposal: { authorId: string; status: "OPEN" | "ACCEPTED" | "REJECTED" | "WITHDRAWN" },
  clause: Target = {},
): ProposalAbilities {
  const open = proposal.status === "OPEN";
  const target = { ...clause, authorId: proposal.authorId };
  return {
    mayWithdraw: open && can(actor, "proposal.withdraw", target),
    mayDecide: open && can(actor, "proposal.decide", target),
    mayTakePosition: open && can(actor, "proposal.takePosition", target),
  };
}
