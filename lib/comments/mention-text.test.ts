import { describe, expect, it } from "vitest";
import { toCommentBody, toEditableText } from "./mention-text";
import { mentionedIn, mentionToken } from "./mentions";

const CHLOE = { kind: "user" as const, id: "11111111-1111-4111-8111-111111111111", label: "Chloe Whitfield" };
const AUS = { kind: "org" as const, id: "22222222-2222-4222-8222-222222222222", label: "Australia" };
const AUS_LEGAL = { kind: "user" as const, id: "33333333-3333-4333-8333-333333333333", label: "Australia Legal" };

describe("mentions as the writer sees them", () => {
  it("shows a stored comment's mentions as @Label and restores the same body", () => {
    const body = `Ask ${mentionToken("user", CHLOE.id, CHLOE.label)} and ${mentionToken("org", AUS.id, AUS.label)}.`;
    const { text, mentions } = toEditableText(body);
    expect(text).toBe("Ask @Chloe Whitfield and @Australia.");
    expect(mentions).toEqual([CHLOE, AUS]);
    expect(toCommentBody(text, mentions)).toBe(body);
  });

  it("turns only picked mentions into tokens, longest label first", () => {
    const body = toCommentBody("@Australia Legal, @Australia and @Nobody agree.", [AUS, AUS_LEGAL]);
    expect(mentionedIn(body)).toEqual({ userIds: [AUS_LEGAL.id], organizationIds: [AUS.id] });
    expect(body).toContain("@Nobody agree.");
  });

  it("leaves a mention that was picked and then edited away as text", () => {
    expect(toCommentBody("@Chloe W. said so", [CHLOE])).toBe("@Chloe W. said so");
    expect(toCommentBody("@Chloe Whitfields", [CHLOE])).toBe("@Chloe Whitfields");
  });
});
