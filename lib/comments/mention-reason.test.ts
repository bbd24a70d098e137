import { describe, expect, it } from "vitest";
import { mentionReason, mentionWording } from "./mention-reason";
import { mentionToken } from "./mentions";

const PERSON = "0b9a1a52-2f0e-4c38-9d55-3d1a7b1c0a11";
const DELEGATION = "7c2f7e0e-51c1-4b8e-a0c5-6f9b1d3e2a22";
const OTHER = "5d1e3c9a-8b7f-4a6e-9c2d-1f0e3b5a7c33";

describe("why the bell says someone was mentioned", () => {
  const person = { id: PERSON, organizationId: DELEGATION };

  it("says 'mentioned you' when the person is named, even if their delegation is too", () => {
    const body = `${mentionToken("org", DELEGATION, "Canada")} and ${mentionToken("user", PERSON, "Ama Owusu")}`;
    expect(mentionReason(body, person)).toEqual({ by: "person" });
    expect(mentionWording(mentionReason(body, person), "Canada")).toBe("mentioned you");
  });

  it("names the delegation when only the delegation is mentioned", () => {
    const body = `Could ${mentionToken("org", DELEGATION, "Philippines")} look at this?`;
    expect(mentionReason(body, person)).toEqual({ by: "delegation" });
    expect(mentionWording(mentionReason(body, person), "Philippines")).toBe("mentioned your delegation (Philippines)");
  });

  it("finds no mention when someone else is mentioned", () => {
    expect(mentionReason(`${mentionToken("user", OTHER, "Someone")}`, person)).toBeNull();
  });
});
