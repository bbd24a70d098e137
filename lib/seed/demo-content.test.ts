import type { JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import { clausePlainText } from "../clause-model/plain-text";
import { readClause } from "../clause-model/read-clause";
import { CLAUSE_FRAGMENT, clauseSchema } from "../editor/extensions";
import { DEMO_INSTRUMENT } from "./demo-instrument";
import { DEMO_ORGANIZATIONS } from "./demo-organizations";
import { DEMO_USERS } from "./demo-users";

const clauses = DEMO_INSTRUMENT.chapters.flatMap((chapter) => chapter.clauses);
const textOf = (body: JSONContent) =>
  clausePlainText(readClause(prosemirrorJSONToYDoc(clauseSchema, body, CLAUSE_FRAGMENT)));

describe("demo clauses", () => {
  it.each(clauses.map((c) => [c.number, c] as const))("article %s is valid in the clause schema", (_n, clause) => {
    expect(() => clauseSchema.nodeFromJSON(clause.body).check()).not.toThrow();
  });

  it.each(clauses.map((c) => [c.number, c] as const))("article %s has 2 to 6 numbered paragraphs", (_n, clause) => {
    const [list, ...rest] = clause.body.content ?? [];
    expect(rest).toEqual([]);
    expect(list?.type).toBe("orderedList");
    expect(list?.content?.length).toBeGreaterThanOrEqual(2);
    expect(list?.content?.length).toBeLessThanOrEqual(6);
  });

  it("has unique article numbers", () => {
    expect(new Set(clauses.map((c) => c.number)).size).toBe(clauses.length);
  });

  it("types no square brackets or alternatives: the seed marks them (demo-brackets.ts, demo-alternatives.ts)", () => {
    for (const clause of clauses) {
      const typed = textOf(clause.body);
      expect(typed, `article ${clause.number}`).not.toMatch(/[[\]]/);
    }
  });

  it("types no status tags: an article agreed ad referendum says so by its status", () => {
    for (const clause of clauses) expect(textOf(clause.body), `article ${clause.number}`).not.toMatch(/ad ref/i);
  });

  it("shows the terminology dispute in the CSAM article", () => {
    const csam = clauses.find((c) => c.topics.includes("csam") && c.title.startsWith("Offences"));
    const text = csam ? textOf(csam.body) : "";
    // Each term is bracketed by the delegations that dispute it (demo-brackets.ts).
    expect(text).toContain("child sexual abuse material child pornography");
    // Alternatives are modelled (demo-alternatives.ts), never typed.
    expect(text).not.toMatch(/\[Alt \d/);
  });
});

describe("demo organisations and users", () => {
  it("has unique codes and colours", () => {
    expect(new Set(DEMO_ORGANIZATIONS.map((o) => o.code)).size).toBe(DEMO_ORGANIZATIONS.length);
    expect(new Set(DEMO_ORGANIZATIONS.map((o) => o.colour)).size).toBe(DEMO_ORGANIZATIONS.length);
  });

  it.each(DEMO_ORGANIZATIONS.map((o) => [o.code, o.colour] as const))(
    "%s's colour carries white text (WCAG AA) and stands apart from the others",
    (code, colour) => {
      expect(colour).toMatch(/^#[0-9a-f]{6}$/);
      expect(contrastWithWhite(colour)).toBeGreaterThanOrEqual(4.5);
      for (const other of DEMO_ORGANIZATIONS.filter((o) => o.code !== code)) {
        expect(colourDistance(colour, other.colour), `${code} vs ${other.code}`).toBeGreaterThan(15);
      }
    },
  );

  it("gives every organisation a member and every user a known organisation", () => {
    const codes = new Set(DEMO_ORGANIZATIONS.map((o) => o.code));
    for (const user of DEMO_USERS) expect(codes).toContain(user.organizationCode);
    for (const code of codes) expect(DEMO_USERS.some((u) => u.organizationCode === code)).toBe(true);
    expect(new Set(DEMO_USERS.map((u) => u.email)).size).toBe(DEMO_USERS.length);
  });

  it("has every role in the instrument", () => {
    expect(new Set(DEMO_ORGANIZATIONS.map((o) => o.role))).toEqual(
      new Set(["CHAIR", "DELEGATE", "OBSERVER", "READER"]),
    );
  });
});

function linear(hex: string): [number, number, number] {
  const channel = (i: number) => {
    const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return [channel(1), channel(3), channel(5)];
}

function contrastWithWhite(hex: string): number {
  const [r, g, b] = linear(hex);
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

/** CIE76 difference in CIELAB (D65): above ~10 two colours are told apart at a glance. */
function colourDistance(a: string, b: string): number {
  const lab = (hex: string) => {
    const [r, g, bl] = linear(hex);
    const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
    const x = f((0.4124 * r + 0.3576 * g + 0.1805 * bl) / 0.95047);
    const y = f(0.2126 * r + 0.7152 * g + 0.0722 * bl);
    const z = f((0.0193 * r + 0.1192 * g + 0.9505 * bl) / 1.08883);
    return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
  };
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}
