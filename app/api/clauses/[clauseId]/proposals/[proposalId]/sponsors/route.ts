// A proposal's co-sponsors, for its author's delegation. GET: the delegations it may invite.
// POST `{ "organizationId" }`: invites that delegation (lib/sponsors/invite-sponsor.ts).
import { routeDoor } from "@/lib/doors/route-door";
import { inviteSponsor, ZInviteSponsor } from "@/lib/sponsors/invite-sponsor";
import { listSponsorCandidates, ZListSponsorCandidates } from "@/lib/sponsors/list-sponsor-candidates";

export const GET = routeDoor("proposal.sponsorCandidates", ZListSponsorCandidates, listSponsorCandidates);
export const POST = routeDoor("proposal.inviteSponsor", ZInviteSponsor, inviteSponsor);
