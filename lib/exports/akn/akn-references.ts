// The people and delegations a document mentions, for its <references>: each delegation that
// proposes or brackets words is a TLCOrganization, each person who made a proposal or placed a
// bracket a TLCPerson, each paragraph status in use a TLCConcept. The text points at them with
// `refersTo="#org_can #person_…"`. Listed sorted by eId, so the same text gives the same document.
import type { ParagraphStatus } from "@/lib/clause-model/clause-model";
import type { EIds } from "./akn-eids";
import { element } from "./xml";

/** The system that wrote the markup: the identification's source and the manifestation's author. */
export const CLAUSEWORK = "clausework";

type Entry = { tag: "TLCOrganization" | "TLCPerson" | "TLCConcept"; eId: string; href: string; showAs: string };

const STATUS_CONCEPTS: Record<Exclude<ParagraphStatus, "OPEN">, { key: string; showAs: string }> = {
  AGREED: { key: "agreed", showAs: "agreed" },
  AGREED_AD_REF: { key: "agreedAdReferendum", showAs: "agreed ad referendum" },
};

const slug = (text: string) =>
  text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "") || "unnamed";

export class References {
  private readonly organizations = new Map<string, Entry>();
  private readonly persons = new Map<string, Entry>();
  private readonly concepts = new Map<string, Entry>();

  constructor(private readonly eIds: EIds) {
    this.organizations.set(CLAUSEWORK, {
      tag: "TLCOrganization",
      eId: eIds.claim(CLAUSEWORK),
      href: "/akn/ontology/organization/clausework",
      showAs: "Clausework",
    });
  }

  /** A delegation, by its organisation id; its name replaces a code-only entry once known. */
  organization(id: string, code: string, name: string | null): string {
    const known = this.organizations.get(id);
    if (known) {
      if (name && known.showAs === code) known.showAs = name;
      return `#${known.eId}`;
    }
    const eId = this.eIds.claim(`org_${slug(code).replaceAll("-", "_")}`);
    const href = `/akn/ontology/organization/un/${slug(code)}`;
    this.organizations.set(id, { tag: "TLCOrganization", eId, href, showAs: name || code });
    return `#${eId}`;
  }

  /** A person, by their id. */
  person(id: string, name: string): string {
    const known = this.persons.get(id);
    if (known) return `#${known.eId}`;
    const eId = this.eIds.claim(`person_${slug(name).replaceAll("-", "_")}`);
    this.persons.set(id, { tag: "TLCPerson", eId, href: `/akn/ontology/person/un/${slug(id)}`, showAs: name });
    return `#${eId}`;
  }

  /** The concept of an agreed status ("agreed ad referendum"); null while open. */
  status(status: ParagraphStatus): string | null {
    if (status === "OPEN") return null;
    const { key, showAs } = STATUS_CONCEPTS[status];
    let entry = this.concepts.get(key);
    if (!entry) {
      entry = { tag: "TLCConcept", eId: this.eIds.claim(key), href: `/akn/ontology/concept/un/${key}`, showAs };
      this.concepts.set(key, entry);
    }
    return `#${entry.eId}`;
  }

  /** The TLC entries, organisations, then people, then concepts, each sorted by eId. */
  toXml(): string {
    const sorted = (entries: Map<string, Entry>) => [...entries.values()].sort((a, b) => (a.eId < b.eId ? -1 : 1));
    return [this.organizations, this.persons, this.concepts]
      .flatMap(sorted)
      .map((entry) =>
        element(entry.tag, [
          ["eId", entry.eId],
          ["href", entry.href],
          ["showAs", entry.showAs],
        ]),
      )
      .join("");
  }
}
