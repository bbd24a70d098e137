import { describe, expect, it } from "vitest";
import { auditDayRange, parseAuditDay } from "./audit-date";
import { auditActionLabel, auditDetails, auditSummary } from "./audit-labels";

describe("the audit trail in words", () => {
  it("names actions and clause statuses instead of showing their codes", () => {
    expect(auditSummary("clause.status-changed", { number: "14", from: "OPEN", to: "AGREED_AD_REF" })).toBe(
      "Clause status changed: Agreed ad referendum",
    );
    expect(auditDetails({ number: "14", from: "OPEN", to: "AGREED_AD_REF" })).toBe(
      "From: Open · Article: 14 · To: Agreed ad referendum",
    );
    expect(auditSummary("participant.role-changed", { organization: "CAN", from: "DELEGATE", to: "OBSERVER" })).toBe(
      "Role changed: Observer / Expert",
    );
    expect(auditActionLabel("signin.throttled")).toBe("Sign-in refused (too many attempts)");
    expect(auditDetails({ proposals: ["a", "b"], reason: "Agreed in informals" })).toBe(
      "Proposals: 2 · Reason: Agreed in informals",
    );
    expect(auditDetails({ observersMayComment: false, organizations: [] })).toBe(
      "Observers may comment: no · Organisations: —",
    );
  });

  it("shows an action it does not know yet readably, from its code", () => {
    expect(auditActionLabel("proposals.decision-undone")).toBe("Proposals decision undone");
  });
});

describe("the audit trail's date filter", () => {
  it("reads ISO dates and day–month-name–year, and nothing ambiguous", () => {
    expect(parseAuditDay("2026-12-01")?.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(parseAuditDay("1 December 2026")?.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(parseAuditDay("1 Dec 2026")?.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(parseAuditDay("12/01/2026")).toBeNull();
    expect(parseAuditDay("2026-02-30")).toBeNull();
    expect(parseAuditDay("1 Decoy 2026")).toBeNull();
  });

  it("runs from the start of the first day to the end of the last, and says which field is not a date", () => {
    const range = auditDayRange("2026-12-01", "2026-12-01");
    expect(range.from?.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(range.to?.toISOString()).toBe("2026-12-02T00:00:00.000Z");
    expect(auditDayRange("12/01/2026", "").invalid).toEqual(["From"]);
  });
});
