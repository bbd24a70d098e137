// The fields of an agreed-language entry, for adding one and for editing one.
import { Field, inputClass } from "@/components/admin/field";
import type { AgreedLanguage } from "@/lib/agreed-language/list-agreed-language";

export function AgreedLanguageFields({ entry }: { entry?: AgreedLanguage }) {
  const reset = entry ? {} : { "data-reset": "" };
  return (
    <>
      <Field label="Instrument" name="source" defaultValue={entry?.source} required placeholder="UNTOC" {...reset} />
      <Field
        label="Article"
        name="article"
        defaultValue={entry?.article}
        required
        placeholder="art. 25(1)"
        {...reset}
      />
      <Field label="Topic" name="topic" defaultValue={entry?.topic} placeholder="victims" {...reset} />
      <label className="block text-sm font-medium">
        Its words are
        <select name="paraphrase" defaultValue={String(entry?.paraphrase ?? false)} className={inputClass}>
          <option value="false">the instrument's own text</option>
          <option value="true">a paraphrase</option>
        </select>
      </label>
      <label className="block basis-full text-sm font-medium">
        Text
        <textarea name="text" defaultValue={entry?.text} required rows={3} className={inputClass} />
      </label>
    </>
  );
}
