import { describe, expect, it } from "vitest";
import { type Action, type Actor, can } from "./can";
import { ROLES, type Role } from "./roles";

const actor = (role: Role | null, active = true): Actor => ({
  userId: "u",
  organizationId: "o",
  active,
  role,
});

describe("can", () => {
  const expected: Record<Action, Role[]> = {
    "instrument.view": ["CHAIR", "DELEGATE", "OBSERVER", "READER"],
    "clause.view": ["CHAIR", "DELEGATE", "OBSERVER", "READER"],
    "clause.editText": ["CHAIR", "DELEGATE"],
  };
  for (const [action, allowed] of Object.entries(expected) as [Action, Role[]][]) {
    for (const role of ROLES) {
      it(`${role} ${allowed.includes(role) ? "may" : "may not"} ${action}`, () => {
        expect(can(actor(role), action)).toBe(allowed.includes(role));
      });
    }
    it(`nobody outside the instrument may ${action}`, () => {
      expect(can(actor(null), action)).toBe(false);
      expect(can(null, action)).toBe(false);
    });
    it(`a deactivated person may not ${action}`, () => {
      expect(can(actor("CHAIR", false), action)).toBe(false);
    });
  }
});
