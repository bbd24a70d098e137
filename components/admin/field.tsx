// A labelled input for the administration forms.
import type { InputHTMLAttributes } from "react";

export const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:border-un focus:outline-none focus:ring-2 focus:ring-un/30";

export function Field({ label, className, ...input }: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className={`block text-sm font-medium ${className ?? ""}`}>
      {label}
      <input className={inputClass} {...input} />
    </label>
  );
}
