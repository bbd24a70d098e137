"use client";
// Alternatives in the clause room: each open set with its options side by side — Alt 1 the words
// in the text, Alt 2, … each with its sponsor and supporters. Delegations (and the chair) propose
// another wording for the selected words, add a further alternative, support one (one per
// delegation per set); the chair chooses one. The server does each (lib/alternatives).
import type { HocuspocusProvider } from "@hocuspocus/provider";
import type { Editor } from "@tiptap/react";
import { useState } from "react";
import { commentSelection } from "@/components/comments/editor-selection";
import type { AlternativeSetView } from "@/lib/alternatives/alternative-sets";
import { alternativesApi } from "./alternatives-api";
import { useAlternatives } from "./use-alternatives";

type Props = {
  clauseId: string;
  editor: Editor;
  provider: HocuspocusProvider;
  myCode: string;
  canPropose: boolean;
  canSupport: boolean;
  canChoose: boolean;
};

export function AlternativesPanel({ clauseId, editor, provider, myCode, canPropose, canSupport, canChoose }: Props) {
  const { sets, error } = useAlternatives(clauseId, provider);
  const [wording, setWording] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function run(action: () => Promise<{ ok: true } | { ok: false; error: string }>) {
    setBusy(true);
    const result = await action();
    setBusy(false);
    setMessage(result.ok ? null : result.error);
    return result.ok;
  }

  async function propose() {
    const selection = commentSelection(editor);
    if (!selection) {
      setMessage("Select the words you offer an alternative for first.");
      return;
    }
    if (await run(() => alternativesApi.create(clauseId, { ...selection.anchor, wording }))) setWording("");
  }

  return (
    <section aria-labelledby="alternatives-heading" className="mt-4 rounded-lg border border-slate-200 bg-white p-3">
      <h2 id="alternatives-heading" className="flex items-baseline justify-between gap-2 text-sm font-semibold">
        Alternatives
        <span className="text-xs font-normal text-slate-600" data-testid="alternatives-open">
          {sets.length === 0 ? "No open alternatives" : `${sets.length} open ${sets.length === 1 ? "set" : "sets"}`}
        </span>
      </h2>
      {canPropose && (
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <label className="sr-only" htmlFor="alternative-wording">
            Alternative wording
          </label>
          <input
            id="alternative-wording"
            value={wording}
            onChange={(event) => setWording(event.target.value)}
            maxLength={1000}
            placeholder="Alternative wording for the selected words"
            className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
          <button
            type="button"
            disabled={busy || !wording.trim()}
            onMouseDown={(event) => event.preventDefault()}
            onClick={propose}
            className="rounded-md bg-violet-800 px-3 py-1 text-sm font-medium text-white hover:bg-violet-900 disabled:opacity-50"
          >
            Propose an alternative
          </button>
        </div>
      )}
      {(message ?? error) && (
        <p role="alert" className="mt-2 rounded-md bg-red-50 px-2 py-1 text-sm text-red-800">
          {message ?? error}
        </p>
      )}
      <ul className="mt-2 divide-y divide-slate-100">
        {sets.map((set) => (
          <AlternativeSetCard
            key={set.id}
            set={set}
            myCode={myCode}
            busy={busy}
            canPropose={canPropose}
            canSupport={canSupport}
            canChoose={canChoose}
            onSupport={(optionId) => run(() => alternativesApi.support(clauseId, set.id, optionId))}
            onChoose={(optionId) => run(() => alternativesApi.choose(clauseId, set.id, optionId))}
            onAdd={(text) => run(() => alternativesApi.add(clauseId, set.id, text))}
          />
        ))}
      </ul>
    </section>
  );
}

function AlternativeSetCard({
  set,
  myCode,
  busy,
  canPropose,
  canSupport,
  canChoose,
  onSupport,
  onChoose,
  onAdd,
}: {
  set: AlternativeSetView;
  myCode: string;
  busy: boolean;
  canPropose: boolean;
  canSupport: boolean;
  canChoose: boolean;
  onSupport: (optionId: string | null) => Promise<boolean>;
  onChoose: (optionId: string) => Promise<boolean>;
  onAdd: (wording: string) => Promise<boolean>;
}) {
  const [further, setFurther] = useState("");
  return (
    <li className="py-2 text-sm" data-alternatives={set.id}>
      <ol className="space-y-1">
        {set.options.map((option) => {
          const mine = option.supporters.includes(myCode);
          return (
            <li key={option.id} className="flex items-start justify-between gap-2" data-alt={option.position}>
              <span>
                <span className="font-medium text-violet-900">
                  Alt {option.position}: “{option.text}”
                </span>{" "}
                <span className="text-slate-600">
                  — {option.sponsor ?? "the text"}
                  {option.supporters.length > 0 ? `; supported by ${option.supporters.join(", ")}` : ""}
                </span>
              </span>
              <span className="flex shrink-0 gap-1">
                {canSupport && (
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => onSupport(mine ? null : option.id)}
                    className="rounded-md border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50 disabled:opacity-50"
                  >
                    {mine ? `Withdraw support for Alt ${option.position}` : `Support Alt ${option.position}`}
                  </button>
                )}
                {canChoose && (
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => onChoose(option.id)}
                    className="rounded-md bg-slate-800 px-2 py-0.5 text-xs text-white hover:bg-slate-900 disabled:opacity-50"
                  >
                    Choose Alt {option.position}
                  </button>
                )}
              </span>
            </li>
          );
        })}
      </ol>
      {canPropose && (
        <form
          className="mt-1 flex gap-2"
          onSubmit={async (event) => {
            event.preventDefault();
            if (await onAdd(further)) setFurther("");
          }}
        >
          <input
            aria-label="A further alternative"
            value={further}
            onChange={(event) => setFurther(event.target.value)}
            maxLength={1000}
            placeholder="A further alternative"
            className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-0.5 text-xs"
          />
          <button
            type="submit"
            disabled={busy || !further.trim()}
            className="rounded-md border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50 disabled:opacity-50"
          >
            Add Alt {set.options.length + 1}
          </button>
        </form>
      )}
    </li>
  );
}
