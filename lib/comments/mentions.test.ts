import { describe, expect, it } from "vitest";
import { commentPreview, mentionedIn, mentionToken, parseComment } from "./mentions";

const USER = "0f8e7a52-3c1d-4b6e-9a0f-1234567890ab";
const ORG = "a1b2c3d4-e5f6-4a1b-8c2d-abcdefabcdef";

describe("mentions", () => {
  it("splits a comment into text and mentions, in order", () => {
    const body = `Ask ${mentionToken("user", USER, "Chloe Whitfield")} and ${mentionToken("org", ORG, "CARICOM")}.`;
    expect(parseComment(body)).toEqual([
      { type: "text", text: "Ask " },
      { type: "mention", kind: "user", id: USER, label: "Chloe Whitfield" },
      { type: "text", text: " and " },
      { type: "mention", kind: "org", id: ORG, label: "CARICOM" },
      { type: "text", text: "." },
    ]);
    expect(mentionedIn(body)).toEqual({ userIds: [USER], organizationIds: [ORG] });
  });

  it("names each person once however often they are mentioned", () => {
    const token = mentionToken("user", USER, "Chloe");
    expect(mentionedIn(`${token} ${token}`).userIds).toEqual([USER]);
  });

  it("leaves plain @ signs, e-mail addresses and malformed tokens as text", () => {
    for (const body of [
      "write to chair@clausework.demo",
      "@[Chloe](user:not-an-id)",
      "@[Chloe](team:0f8e7a52-3c1d-4b6e-9a0f-1234567890ab)",
      "@Chloe Whitfield",
    ]) {
      expect(parseComment(body)).toEqual([{ type: "text", text: body }]);
      expect(mentionedIn(body)).toEqual({ userIds: [], organizationIds: [] });
    }
  });

  it("keeps markup as text: nothing in a comment is HTML", () => {
    const body = `<script>alert(1)</script> ${mentionToken("user", USER, "<b>x</b>")}`;
    const segments = parseComment(body);
    expect(segments[0]).toEqual({ type: "text", text: "<script>alert(1)</script> " });
    expect(segments[1]).toMatchObject({ type: "mention", label: "<b>x</b>" });
  });

  it("cannot be broken by a label with brackets or a line break", () => {
    const token = mentionToken("user", USER, "A [B]\nC");
    expect(parseComment(token)).toEqual([{ type: "mention", kind: "user", id: USER, label: "A  B  C" }]);
  });

  it("previews a comment on one line with mentions as @names", () => {
    expect(commentPreview(`Hi ${mentionToken("org", ORG, "EU")},\n\nsee   this`)).toBe("Hi @EU, see this");
    expect(commentPreview("x".repeat(200), 10)).toBe(`${"x".repeat(9)}…`);
  });
});
