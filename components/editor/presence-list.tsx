"use client";
// Who is in the clause now, from awareness (names and colours as the server stamped them), in
// one line above the text.
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useEffect, useState } from "react";
import type { AwarenessUser } from "./room-user";

function readPeople(provider: HocuspocusProvider): AwarenessUser[] {
  const byId = new Map<string, AwarenessUser>();
  for (const state of provider.awareness?.getStates().values() ?? []) {
    const user = state.user as AwarenessUser | undefined;
    if (user?.id && !byId.has(user.id)) byId.set(user.id, user);
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function PresenceList({ provider }: { provider: HocuspocusProvider }) {
  const [people, setPeople] = useState<AwarenessUser[]>(() => readPeople(provider));
  useEffect(() => {
    const refresh = () => setPeople(readPeople(provider));
    refresh();
    provider.awareness?.on("change", refresh);
    return () => provider.awareness?.off("change", refresh);
  }, [provider]);

  return (
    <section aria-labelledby="presence-heading" className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
      <h2 id="presence-heading" className="text-sm font-semibold text-slate-700">
        In this clause now ({people.length})
      </h2>
      <ul className="flex flex-wrap gap-x-3 gap-y-1" data-testid="presence-list">
        {people.map((person) => (
          <li key={person.id} className="flex items-center gap-1.5 text-sm">
            <span
              aria-hidden
              className="inline-block size-2.5 rounded-full"
              style={{ backgroundColor: person.color }}
            />
            <span>{person.name}</span>
            <span className="text-xs text-slate-500">{person.organizationCode}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
