import { describe, expect, it } from "vitest";
import { DEMO_ORGANIZATIONS } from "@/lib/seed/demo-organizations";
import { allProposalsOf, othersProposalRefusal, proposalOf, quoteWords, threadSubject } from "./delegation-wording";

describe("sentences naming a delegation", () => {
  it("never put a possessive or an article on a delegation's name, for every demo delegation", () => {
    for (const { name } of DEMO_ORGANIZATIONS) {
      for (const sentence of [othersProposalRefusal(name), proposalOf(name, "some words"), allProposalsOf(name)]) {
        expect(sentence).toContain(`(${name})`);
        expect(sentence).not.toMatch(new RegExp(`${name.replace(/[()]/g, "\\$&")}['’]s`));
        expect(sentence).not.toMatch(new RegExp(`\\b(the|a) ${name.replace(/[()]/g, "\\$&")}`, "i"));
      }
    }
    expect(othersProposalRefusal("Philippines")).toBe(
      "Those words are another delegation's proposal (Philippines). They stay until that delegation withdraws them or the chair decides; record your position on them instead.",
    );
  });

  it("names a proposal by its delegation and its words, shortened", () => {
    expect(proposalOf("Russian Federation", "  whether real\n or simulated ")).toBe(
      "the proposal (Russian Federation): ‘whether real or simulated’",
    );
    expect(proposalOf("Canada")).toBe("the proposal (Canada)");
    expect(quoteWords("a".repeat(100), 10)).toBe(`‘${"a".repeat(9)}…’`);
  });
});

describe("what a thread is about", () => {
  it("quotes its words, or names its proposal, or says it is on the whole clause", () => {
    expect(threadSubject({ quote: "victims and witnesses", proposal: null })).toBe(
      "the thread on ‘victims and witnesses’",
    );
    expect(threadSubject({ quote: null, proposal: null })).toBe("the thread on the whole clause");
    expect(
      threadSubject({
        quote: null,
        proposal: { insertedText: "", deletedText: "whether real", delegation: { name: "Philippines" } },
      }),
    ).toBe("the discussion of the proposal (Philippines): ‘whether real’");
  });
});
