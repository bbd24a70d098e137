// What a proposal's card and the compilation show of its sponsors: the group it speaks for, each
// invited delegation with its answer (and whether an acceptance is on the words shown), and what
// this viewer may do — invite (the author's delegation) or answer (the invited one), from can.ts.
import { type Actor, can, type Target } from "@/lib/permissions/can";

export type SponsorStatus = "INVITED" | "ACCEPTED" | "DECLINED";

export type SponsorView = {
  delegation: { id: string; code: string; name: string; colour: string };
  status: SponsorStatus;
  /** For an acceptance: given on the words shown; false — on an earlier wording, to be confirmed. */
  current: boolean;
};

export type ProposalSponsors = {
  onBehalfOf: string | null;
  sponsors: SponsorView[];
  mayInviteSponsors: boolean;
  /** The viewer's delegation was invited and may answer (again). */
  mayAnswerSponsorship: boolean;
};

type Row = {
  status: string;
  fingerprint: string;
  onBehalfOf: string | null;
  authorId: string;
  organizationId: string;
  sponsorships: {
    status: SponsorStatus;
    fingerprint: string;
    organization: { id: string; code: string; name: string; colour: string };
  }[];
};

export function sponsorsView(row: Row, viewer: { actor: Actor; target: Target } | null): ProposalSponsors {
  const open = row.status === "OPEN";
  const target: Target = { ...viewer?.target, authorId: row.authorId, authorOrganizationId: row.organizationId };
  const own = viewer ? row.sponsorships.find((s) => s.organization.id === viewer.actor.organizationId) : undefined;
  return {
    onBehalfOf: row.onBehalfOf,
    sponsors: row.sponsorships
      .map((s) => ({
        delegation: s.organization,
        status: s.status,
        current: s.status === "ACCEPTED" && s.fingerprint === row.fingerprint,
      }))
      .sort((a, b) => a.delegation.name.localeCompare(b.delegation.name)),
    mayInviteSponsors: open && viewer !== null && can(viewer.actor, "proposal.inviteSponsor", target),
    mayAnswerSponsorship:
      open &&
      own !== undefined &&
      viewer !== null &&
      can(viewer.actor, "proposal.answerSponsorship", { ...target, sponsorOrganizationId: own.organization.id }),
  };
}

/** "Jamaica, on behalf of CARICOM" / "Australia, Canada and New Zealand": the names as a line. */
export function sponsorLine(
  author: string,
  sponsors: readonly SponsorView[],
  onBehalfOf: string | null,
  { currentOnly = true }: { currentOnly?: boolean } = {},
): string {
  const names = [
    author,
    ...sponsors.filter((s) => s.status === "ACCEPTED" && (!currentOnly || s.current)).map((s) => s.delegation.name),
  ];
  const joined = names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return onBehalfOf ? `${joined}, on behalf of ${onBehalfOf}` : joined;
}
