import { describe, expect, it } from "vitest";
import { returnPath, signInPath } from "./return-path";

describe("where sign-in leads back to", () => {
  it("follows a path of this site", () => {
    expect(returnPath("/clauses/6f1c2d9e-0000-4000-8000-000000000001")).toBe(
      "/clauses/6f1c2d9e-0000-4000-8000-000000000001",
    );
    expect(returnPath("/clauses/a?proposal=b#c")).toBe("/clauses/a?proposal=b#c");
    expect(signInPath("/clauses/a?proposal=b")).toBe("/signin?next=%2Fclauses%2Fa%3Fproposal%3Db");
  });

  it("never leads to another site, or anywhere but home when the path is not one", () => {
    for (const value of [
      "https://evil.example/x",
      "//evil.example/x",
      "/\\evil.example",
      "\\\\evil.example",
      "javascript:alert(1)",
      "clauses/a",
      "",
      undefined,
      ["/clauses/a"],
    ])
      expect(returnPath(value)).toBe("/");
    expect(signInPath("//evil.example")).toBe("/signin");
  });
});
