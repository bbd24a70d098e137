// The fields of a glossary term, for adding one and for editing one.
import { Field, inputClass } from "@/components/admin/field";
import type { GlossaryEntry } from "@/lib/glossary/list-glossary";

export function GlossaryTermFields({ entry }: { entry?: GlossaryEntry }) {
  const reset = entry ? {} : { "data-reset": "" };
  return (
    <>
      <Field
        label="Term to avoid"
        name="term"
        defaultValue={entry?.term}
        required
        className="min-w-56 flex-1"
        {...reset}
      />
      <Field
        label="Preferred wording"
        name="preferred"
        defaultValue={entry?.preferred}
        required
        className="min-w-72 flex-[2]"
        {...reset}
      />
      <label className="block basis-full text-sm font-medium">
        Rationale
        <textarea name="rationale" defaultValue={entry?.rationale} rows={2} className={inputClass} />
      </label>
      <Field label="Source" name="source" defaultValue={entry?.source} className="basis-full" {...reset} />
    </>
  );
}
