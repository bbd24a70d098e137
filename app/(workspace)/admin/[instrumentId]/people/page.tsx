import type { Metadata } from "next";
import {
  addOrganizationAction,
  invitePersonAction,
  movePersonAction,
  reissueSignInLinkAction,
  setParticipantRoleAction,
  setPersonActiveAction,
} from "@/app/(workspace)/admin/actions";
import { ActionForm } from "@/components/admin/action-form";
import { Field, inputClass } from "@/components/admin/field";
import { loadPeople } from "@/lib/admin/load-people";
import { requireInstrumentPage } from "@/lib/doors/page-door";
import { ROLE_LABELS, ROLES } from "@/lib/permissions/roles";

export const metadata: Metadata = { title: "Administration · Delegations and people" };

const smallButton = "rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-60";

export default async function PeopleAdminPage({ params }: { params: Promise<{ instrumentId: string }> }) {
  const { instrumentId } = await params;
  const { user } = await requireInstrumentPage(instrumentId, "members.manage");
  const { participants, people, otherOrganizations } = await loadPeople(instrumentId, user);
  const joinable = participants.filter((p) => p.mayJoin);
  const attachable = otherOrganizations.filter((o) => o.mayAttach);
  const beyondReach = otherOrganizations.filter((o) => !o.mayAttach);
  const ids = { instrumentId };

  return (
    <div className="space-y-10">
      <section aria-labelledby="participants" className="space-y-3">
        <h2 id="participants" className="text-lg font-semibold">
          Organisations taking part
        </h2>
        <p className="text-sm text-slate-600">
          A role change reaches open clause rooms at once: people who may no longer edit are switched to reading.
        </p>
        <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th className="px-3 py-2">Organisation</th>
              <th className="px-3 py-2">Role</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {participants.map(({ organization, role }) => (
              <tr key={organization.id} data-testid={`participant-${organization.code}`}>
                <td className="px-3 py-2">
                  <span
                    aria-hidden
                    className="mr-2 inline-block size-2.5 rounded-full"
                    style={{ backgroundColor: organization.colour }}
                  />
                  {organization.name} <span className="text-slate-500">({organization.code})</span>
                </td>
                <td className="px-3 py-2">
                  <ActionForm
                    action={setParticipantRoleAction}
                    hidden={{ ...ids, organizationId: organization.id }}
                    submitLabel="Set role"
                    buttonClassName={smallButton}
                    className="flex flex-wrap items-center gap-2"
                    aria-label={`Role of ${organization.code}`}
                  >
                    <select
                      name="role"
                      defaultValue={role}
                      aria-label={`Role of ${organization.code}`}
                      className="rounded-md border border-slate-300 px-2 py-1 text-sm"
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {ROLE_LABELS[r]}
                        </option>
                      ))}
                      <option value="NONE">Remove from this instrument</option>
                    </select>
                  </ActionForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="add-organization" className="space-y-3">
        <h2 id="add-organization" className="text-lg font-semibold">
          Add an organisation
        </h2>
        {attachable.length > 0 && (
          <ActionForm
            action={setParticipantRoleAction}
            hidden={ids}
            submitLabel="Add"
            aria-label="Add an existing organisation"
          >
            <label className="block text-sm font-medium">
              An organisation already known
              <select name="organizationId" className={inputClass}>
                {attachable.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name} ({o.code})
                  </option>
                ))}
              </select>
            </label>
            <RoleSelect />
          </ActionForm>
        )}
        {beyondReach.length > 0 && (
          <p className="text-sm text-slate-600" data-testid="not-attachable">
            Not offered, because they also take part in an instrument your delegation does not manage — attaching one
            here would change who may manage its people&apos;s accounts there, so only a system administrator may:{" "}
            {beyondReach.map((o) => `${o.name} (${o.code})`).join(", ")}.
          </p>
        )}
        <ActionForm
          action={addOrganizationAction}
          hidden={ids}
          submitLabel="Add organisation"
          done="Organisation added."
          aria-label="New organisation"
        >
          <Field label="Name" name="name" data-reset className="min-w-64 flex-1" />
          <Field label="Code" name="code" data-reset className="w-32" placeholder="e.g. NOR" />
          <label className="block text-sm font-medium">
            Kind
            <select name="kind" className={inputClass}>
              <option value="MEMBER_STATE">Member state</option>
              <option value="REGIONAL_GROUP">Regional group</option>
              <option value="OBSERVER">Observer / expert</option>
              <option value="SECRETARIAT">Secretariat</option>
            </select>
          </label>
          <Field label="Colour" name="colour" type="color" defaultValue="#1f77b4" className="w-20" />
          <RoleSelect />
        </ActionForm>
      </section>

      <section aria-labelledby="people" className="space-y-3">
        <h2 id="people" className="text-lg font-semibold">
          People
        </h2>
        <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th className="px-3 py-2">Name</th>
              <th className="px-3 py-2">Organisation</th>
              <th className="px-3 py-2">Account</th>
              <th className="px-3 py-2">Actions</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {people.map((person) => (
              <tr key={person.id} data-testid={`person-${person.email}`}>
                <td className="px-3 py-2">
                  <p className="font-medium">{person.name}</p>
                  <p className="text-slate-500">{person.email}</p>
                </td>
                <td className="px-3 py-2">{person.memberships.map((m) => m.organization.code).join(", ")}</td>
                <td className="px-3 py-2">
                  {!person.active
                    ? "Deactivated"
                    : person.hasPassword
                      ? "Active"
                      : person.invitationOpen
                        ? "Invited — link not used yet"
                        : "No password — issue a link"}
                </td>
                <td className="px-3 py-2">
                  {!person.mayChangeAccount && (
                    <p className="max-w-xs text-xs text-slate-600">
                      Also takes part in an instrument your delegation does not manage: only a secretariat managing
                      every one of them, or a system administrator, may change this account.
                    </p>
                  )}
                  <div className="flex flex-wrap gap-2">
                    {person.mayChangeAccount && person.active && (
                      <ActionForm
                        action={reissueSignInLinkAction}
                        hidden={{ ...ids, userId: person.id }}
                        submitLabel="New sign-in link"
                        buttonClassName={smallButton}
                        className="flex flex-wrap items-center gap-2"
                      />
                    )}
                    {person.mayChangeAccount && person.id !== user.id && person.active && (
                      <ActionForm
                        action={movePersonAction}
                        hidden={{ ...ids, userId: person.id }}
                        submitLabel="Move"
                        done="Moved: they now act for that organisation, and their open clauses were checked again."
                        buttonClassName={smallButton}
                        className="flex flex-wrap items-center gap-2"
                        aria-label={`Move ${person.name} to another organisation`}
                      >
                        <select
                          name="organizationId"
                          defaultValue={person.memberships[0]?.organization.id}
                          aria-label={`Organisation of ${person.name}`}
                          className="rounded-md border border-slate-300 px-2 py-1 text-xs"
                        >
                          {joinable.map(({ organization }) => (
                            <option key={organization.id} value={organization.id}>
                              {organization.code}
                            </option>
                          ))}
                        </select>
                      </ActionForm>
                    )}
                    {person.mayChangeAccount && person.id !== user.id && (
                      <ActionForm
                        action={setPersonActiveAction}
                        hidden={{ ...ids, userId: person.id, active: String(!person.active) }}
                        submitLabel={person.active ? "Deactivate" : "Reactivate"}
                        done={
                          person.active ? "Deactivated: their sessions and open clauses are closed." : "Reactivated."
                        }
                        buttonClassName={smallButton}
                        className="flex flex-wrap items-center gap-2"
                      />
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="invite" className="space-y-3">
        <h2 id="invite" className="text-lg font-semibold">
          Invite a person
        </h2>
        <p className="text-sm text-slate-600">
          You get a one-time link that lets them choose a password and sign in. No email is sent: pass it on yourself.
          Organisations that also take part in an instrument your delegation does not manage are not offered.
        </p>
        <ActionForm action={invitePersonAction} hidden={ids} submitLabel="Invite" aria-label="Invite a person">
          <Field label="Name" name="name" className="min-w-56 flex-1" />
          <Field label="Email" name="email" type="email" className="min-w-56 flex-1" />
          <label className="block text-sm font-medium">
            Organisation
            <select name="organizationId" className={inputClass}>
              {joinable.map(({ organization }) => (
                <option key={organization.id} value={organization.id}>
                  {organization.name} ({organization.code})
                </option>
              ))}
            </select>
          </label>
        </ActionForm>
      </section>
    </div>
  );
}

function RoleSelect() {
  return (
    <label className="block text-sm font-medium">
      Role
      <select name="role" defaultValue="DELEGATE" className={inputClass}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
    </label>
  );
}
