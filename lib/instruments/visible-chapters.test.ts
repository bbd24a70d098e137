import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/permissions/can";
import { visibleChapters } from "./visible-chapters";

const CANADA = "cccccccc-cccc-4ccc-8ccc-cccccccccccc";
const AUSTRALIA = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
const actor = (role: Actor["role"]): Actor => ({
  userId: "u",
  organizationId: CANADA,
  active: true,
  role,
  observersMayComment: false,
});
const onlyAustralia = [{ organizationId: AUSTRALIA }];
const chapters = [
  {
    id: "open",
    restrictions: [],
    clauses: [
      { id: "1", restrictions: [] },
      { id: "2", restrictions: onlyAustralia },
    ],
  },
  { id: "all-restricted", restrictions: [], clauses: [{ id: "3", restrictions: onlyAustralia }] },
  { id: "restricted-chapter", restrictions: onlyAustralia, clauses: [{ id: "4", restrictions: [] }] },
  { id: "new", restrictions: [], clauses: [] },
];

describe("the chapters and clauses a person sees", () => {
  it("leaves out restricted clauses, restricted chapters, and chapters left with none of their clauses", () => {
    const seen = visibleChapters(actor("DELEGATE"), chapters);
    expect(seen.map((c) => [c.id, c.clauses.map((clause) => clause.id)])).toEqual([
      ["open", ["1"]],
      ["new", []],
    ]);
  });

  it("shows the chair everything, marked where restricted", () => {
    const seen = visibleChapters(actor("CHAIR"), chapters);
    expect(seen.map((c) => c.id)).toEqual(["open", "all-restricted", "restricted-chapter", "new"]);
    expect(seen[2].restricted).toBe(true);
    expect(seen[0].clauses.map((c) => c.restricted)).toEqual([false, true]);
  });
});
