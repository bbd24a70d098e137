"use client";
// A form that sends its fields to a door-wrapped server action and shows the answer: the
// refusal's message, or that it worked (and, for invitations, the link to pass on).
// Fields named "x[]" are sent as the list `x`.
import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useState } from "react";
import type { DoorResult } from "@/lib/doors/door-result";

type Props = {
  action: (input: Record<string, unknown>) => Promise<DoorResult<unknown>>;
  hidden: Record<string, string>;
  submitLabel: string;
  children?: ReactNode;
  className?: string;
  /** Shown after success; the default says it was saved. */
  done?: string;
  buttonClassName?: string;
  "aria-label"?: string;
};

function formInput(form: FormData, hidden: Record<string, string>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.endsWith("[]")) input[key.slice(0, -2)] = form.getAll(key).map(String);
    else input[key] = String(form.get(key));
  }
  return { ...input, ...hidden };
}

function linkOf(value: unknown): string | null {
  return value && typeof value === "object" && "link" in value && typeof value.link === "string" ? value.link : null;
}

export function ActionForm({
  action,
  hidden,
  submitLabel,
  children,
  className,
  done,
  buttonClassName,
  ...rest
}: Props) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; link?: string } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setBusy(true);
    setOutcome(null);
    const result = await action(formInput(new FormData(form), hidden)).catch(() => null);
    setBusy(false);
    if (!result) return setOutcome({ ok: false, text: "The server could not be reached. Nothing was changed." });
    if (!result.ok) return setOutcome({ ok: false, text: result.error });
    const link = linkOf(result.value);
    setOutcome({ ok: true, text: done ?? "Saved.", ...(link ? { link } : {}) });
    if (!link) {
      for (const input of form.querySelectorAll<HTMLInputElement>("input[data-reset]")) input.value = "";
    }
    router.refresh();
  }

  return (
    <form onSubmit={submit} className={className ?? "flex flex-wrap items-end gap-2"} aria-label={rest["aria-label"]}>
      {children}
      <button
        type="submit"
        disabled={busy}
        className={
          buttonClassName ??
          "rounded-md bg-un px-3 py-1.5 text-sm font-medium text-white hover:bg-un-dark disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2"
        }
      >
        {busy ? "Working…" : submitLabel}
      </button>
      {outcome && !outcome.link && (
        <p
          role={outcome.ok ? "status" : "alert"}
          className={`basis-full text-sm ${outcome.ok ? "text-emerald-700" : "rounded-md bg-red-50 px-3 py-2 text-red-800"}`}
        >
          {outcome.text}
        </p>
      )}
      {outcome?.link && (
        <div role="status" className="basis-full rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm">
          <p className="font-medium text-emerald-900">
            One-time sign-in link — pass it on privately. It works once, for 7 days.
          </p>
          <input
            readOnly
            value={outcome.link}
            data-testid="invitation-link"
            aria-label="One-time sign-in link"
            onFocus={(event) => event.currentTarget.select()}
            className="mt-2 block w-full rounded border border-emerald-300 bg-white px-2 py-1 font-mono text-xs"
          />
        </div>
      )}
    </form>
  );
}
