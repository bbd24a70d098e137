// Tick the organisations that may see a restricted clause or chapter; none ticked: open to all.
type Organization = { id: string; code: string; name: string };

export function RestrictionPicker({ organizations, selected }: { organizations: Organization[]; selected: string[] }) {
  return (
    <fieldset className="basis-full">
      <legend className="text-sm font-medium">
        Only these organisations (and the chair) see it — tick none to open it to everyone
      </legend>
      <div className="mt-2 grid grid-cols-2 gap-1 sm:grid-cols-4">
        {organizations.map((organization) => (
          <label key={organization.id} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="organizationIds[]"
              value={organization.id}
              defaultChecked={selected.includes(organization.id)}
            />
            <span title={organization.name}>{organization.code}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
