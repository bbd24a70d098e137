import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  type Action,
  type Actor,
  can,
  canActOnAccount,
  canAttachOrganization,
  instrumentsWhereMembersManaged,
  proposalAbilities,
} from "./can";
import { ROLES, type Role } from "./roles";

const actor = (role: Role | null, overrides: Partial<Actor> = {}): Actor => ({
  userId: "u",
  organizationId: "o",
  active: true,
  role,
  observersMayComment: true,
  ...overrides,
});

describe("can", () => {
  const expected: Record<Action, Role[]> = {
    "instrument.view": ["CHAIR", "DELEGATE", "OBSERVER", "READER"],
    "instrument.export": ["CHAIR", "DELEGATE", "OBSERVER", "READER"],
    "clause.view": ["CHAIR", "DELEGATE", "OBSERVER", "READER"],
    "clause.editText": ["CHAIR"],
    "clause.suggest": ["CHAIR", "DELEGATE"],
    // Without a target nobody is its author; see the test below.
    "proposal.withdraw": [],
    "proposal.decide": ["CHAIR"],
    "proposal.undoDecision": ["CHAIR"],
    "proposal.takePosition": ["DELEGATE"],
    "bracket.place": ["CHAIR", "DELEGATE"],
    "bracket.remove": ["CHAIR"],
    "alternatives.propose": ["CHAIR", "DELEGATE"],
    "alternatives.support": ["CHAIR", "DELEGATE"],
    "alternatives.choose": ["CHAIR"],
    // Without a target no delegation is the author's, nor invited; see the tests below.
    "proposal.inviteSponsor": [],
    "proposal.answerSponsorship": [],
    "compilation.view": ["CHAIR", "DELEGATE", "OBSERVER", "READER"],
    "instrument.manage": ["CHAIR"],
    "clause.manage": ["CHAIR"],
    "members.manage": ["CHAIR"],
    "reading.save": ["CHAIR"],
    "clause.restoreVersion": ["CHAIR"],
    "clause.present": ["CHAIR"],
    "audit.view": ["CHAIR"],
    "glossary.manage": ["CHAIR"],
    "agreedLanguage.manage": ["CHAIR"],
    "paragraph.setStatus": ["CHAIR"],
    "paragraph.requestReopen": ["DELEGATE"],
    "paragraph.answerReopen": ["CHAIR"],
    "thread.view": ["CHAIR", "DELEGATE", "OBSERVER", "READER"],
    "thread.create": ["CHAIR", "DELEGATE", "OBSERVER"],
    "comment.reply": ["CHAIR", "DELEGATE", "OBSERVER"],
    // Without a target nobody is the author; the chair still resolves and reopens.
    "comment.edit": [],
    "comment.delete": [],
    "thread.resolve": ["CHAIR"],
    "thread.reopen": ["CHAIR"],
  };

  it("has an expectation for every action", () => {
    expect(Object.keys(expected).sort()).toEqual([...ACTIONS].sort());
  });

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
      expect(can(actor("CHAIR", { active: false }), action)).toBe(false);
    });
  }

  it("lets delegates and the chair withdraw only their own proposals", () => {
    const own = { authorId: "u", authorOrganizationId: "o" };
    const someoneElses = { authorId: "v", authorOrganizationId: "o" };
    expect(can(actor("DELEGATE"), "proposal.withdraw", own)).toBe(true);
    expect(can(actor("CHAIR"), "proposal.withdraw", own)).toBe(true);
    expect(can(actor("DELEGATE"), "proposal.withdraw", someoneElses)).toBe(false);
    expect(can(actor("OBSERVER"), "proposal.withdraw", own)).toBe(false);
    expect(can(actor("READER"), "proposal.withdraw", own)).toBe(false);
  });

  it("hides a restricted thing from organisations outside the list, but not from the chair", () => {
    const target = { restrictedTo: ["insider"] };
    expect(can(actor("DELEGATE", { organizationId: "insider" }), "clause.view", target)).toBe(true);
    expect(can(actor("DELEGATE", { organizationId: "outsider" }), "clause.view", target)).toBe(false);
    expect(can(actor("CHAIR", { organizationId: "secretariat" }), "clause.view", target)).toBe(true);
  });

  it("lets exactly those who see the instrument export it, whatever their role or the observers' setting", () => {
    for (const role of [...ROLES, null]) {
      for (const observersMayComment of [true, false]) {
        const someone = actor(role, { observersMayComment });
        expect(can(someone, "instrument.export")).toBe(can(someone, "instrument.view"));
      }
    }
    expect(can(actor("READER", { active: false }), "instrument.export")).toBe(false);
  });

  describe("comments", () => {
    const mine = { authorId: "u" };
    const theirs = { authorId: "someone-else" };

    it("lets observers comment only when the instrument allows it", () => {
      const silenced = actor("OBSERVER", { observersMayComment: false });
      for (const action of ["thread.create", "comment.reply", "comment.edit", "comment.delete"] as const) {
        expect(can(silenced, action, mine)).toBe(false);
      }
      expect(can(silenced, "thread.view")).toBe(true);
      expect(can(actor("OBSERVER"), "thread.create")).toBe(true);
    });

    it("lets only the author edit or delete a comment, the chair included", () => {
      for (const action of ["comment.edit", "comment.delete"] as const) {
        expect(can(actor("DELEGATE"), action, mine)).toBe(true);
        expect(can(actor("OBSERVER"), action, mine)).toBe(true);
        expect(can(actor("DELEGATE"), action, theirs)).toBe(false);
        expect(can(actor("CHAIR"), action, theirs)).toBe(false);
        expect(can(actor("READER"), action, mine)).toBe(false);
      }
    });

    it("lets the thread's author and the chair resolve and reopen it", () => {
      for (const action of ["thread.resolve", "thread.reopen"] as const) {
        expect(can(actor("DELEGATE"), action, mine)).toBe(true);
        expect(can(actor("DELEGATE"), action, theirs)).toBe(false);
        expect(can(actor("CHAIR"), action, theirs)).toBe(true);
        expect(can(actor("READER"), action, mine)).toBe(false);
        expect(can(actor("OBSERVER", { observersMayComment: false }), action, mine)).toBe(false);
      }
    });

    it("lets those who took part reopen a discussion its proposal's outcome closed, not one a person resolved", () => {
      const took = { ...theirs, participantIds: ["u"] };
      expect(can(actor("DELEGATE"), "thread.reopen", { ...took, closedByOutcome: true })).toBe(true);
      expect(can(actor("DELEGATE"), "thread.reopen", took)).toBe(false);
      expect(can(actor("DELEGATE"), "thread.reopen", { ...theirs, closedByOutcome: true })).toBe(false);
      expect(
        can(actor("OBSERVER", { observersMayComment: false }), "thread.reopen", { ...took, closedByOutcome: true }),
      ).toBe(false);
      // Resolving stays with the starter and the chair.
      expect(can(actor("DELEGATE"), "thread.resolve", { ...took, closedByOutcome: true })).toBe(false);
    });
  });
});

describe("canActOnAccount", () => {
  const chairOf = (...managesMembersOf: string[]) => ({ active: true, systemAdmin: false, managesMembersOf });

  it("needs management of every instrument the account reaches", () => {
    expect(canActOnAccount(chairOf("one"), { instrumentIds: ["one"] })).toBe(true);
    expect(canActOnAccount(chairOf("one"), { instrumentIds: ["one", "two"] })).toBe(false);
    expect(canActOnAccount(chairOf("two"), { instrumentIds: ["one", "two"] })).toBe(false);
    expect(canActOnAccount(chairOf("one", "two"), { instrumentIds: ["one", "two"] })).toBe(true);
  });

  it("gives nothing over an account that reaches no instrument, except to a system administrator", () => {
    expect(canActOnAccount(chairOf("one"), { instrumentIds: [] })).toBe(false);
    expect(canActOnAccount({ ...chairOf(), systemAdmin: true }, { instrumentIds: [] })).toBe(true);
  });

  it("lets a system administrator act anywhere, while active", () => {
    const admin = { active: true, systemAdmin: true, managesMembersOf: [] };
    expect(canActOnAccount(admin, { instrumentIds: ["one", "two"] })).toBe(true);
    expect(canActOnAccount({ ...admin, active: false }, { instrumentIds: ["one"] })).toBe(false);
    expect(canActOnAccount({ ...chairOf("one"), active: false }, { instrumentIds: ["one"] })).toBe(false);
  });

  it("counts only instruments where the organisation's role manages members", () => {
    const person = { userId: "u", organizationId: "o", active: true };
    const managed = instrumentsWhereMembersManaged(person, [
      { instrumentId: "one", role: "CHAIR", observersMayComment: true },
      { instrumentId: "two", role: "DELEGATE", observersMayComment: true },
      { instrumentId: "three", role: "READER", observersMayComment: false },
    ]);
    expect(managed).toEqual(["one"]);
    expect(
      instrumentsWhereMembersManaged({ ...person, active: false }, [
        { instrumentId: "one", role: "CHAIR", observersMayComment: true },
      ]),
    ).toEqual([]);
  });
});

describe("canAttachOrganization", () => {
  const chairOf = (...managesMembersOf: string[]) => ({ active: true, systemAdmin: false, managesMembersOf });

  it("needs management of every instrument the organisation already takes part in", () => {
    // Chair two attaching an organisation of instrument one would take account powers from its chair.
    expect(canAttachOrganization(chairOf("two"), { alreadyIn: ["one"] })).toBe(false);
    expect(canAttachOrganization(chairOf("two"), { alreadyIn: ["one", "two"] })).toBe(false);
    expect(canAttachOrganization(chairOf("one", "two"), { alreadyIn: ["one"] })).toBe(true);
    expect(canAttachOrganization(chairOf("one", "two"), { alreadyIn: ["one", "three"] })).toBe(false);
  });

  it("lets any secretariat attach an organisation that takes part nowhere yet", () => {
    expect(canAttachOrganization(chairOf("two"), { alreadyIn: [] })).toBe(true);
  });

  it("lets a system administrator attach any organisation, while active", () => {
    const admin = { active: true, systemAdmin: true, managesMembersOf: [] };
    expect(canAttachOrganization(admin, { alreadyIn: ["one", "two"] })).toBe(true);
    expect(canAttachOrganization({ ...admin, active: false }, { alreadyIn: [] })).toBe(false);
    expect(canAttachOrganization({ ...chairOf("one"), active: false }, { alreadyIn: [] })).toBe(false);
  });
});

describe("proposalAbilities", () => {
  const proposal = (authorId: string, status: "OPEN" | "ACCEPTED" = "OPEN") => ({ authorId, status });

  it("lets the author withdraw their own open proposal, the chair decide, a delegation take a position", () => {
    expect(proposalAbilities(actor("DELEGATE"), proposal("u"))).toEqual({
      mayWithdraw: true,
      mayDecide: false,
      mayTakePosition: true,
    });
    expect(proposalAbilities(actor("DELEGATE"), proposal("someone else"))).toMatchObject({ mayWithdraw: false });
    expect(proposalAbilities(actor("CHAIR"), proposal("someone else"))).toEqual({
      mayWithdraw: false,
      mayDecide: true,
      mayTakePosition: false,
    });
    expect(proposalAbilities(actor("READER"), proposal("u"))).toEqual({
      mayWithdraw: false,
      mayDecide: false,
      mayTakePosition: false,
    });
  });

  it("offers nothing on a decided proposal, or to someone who no longer sees the clause", () => {
    expect(Object.values(proposalAbilities(actor("CHAIR"), proposal("u", "ACCEPTED")))).toEqual([false, false, false]);
    expect(
      Object.values(proposalAbilities(actor("DELEGATE"), proposal("u"), { restrictedTo: ["another organisation"] })),
    ).toEqual([false, false, false]);
  });
});

describe("co-sponsors", () => {
  it("only a delegate of the author's delegation invites sponsors", () => {
    expect(can(actor("DELEGATE"), "proposal.inviteSponsor", { authorOrganizationId: "o" })).toBe(true);
    expect(can(actor("DELEGATE"), "proposal.inviteSponsor", { authorOrganizationId: "another" })).toBe(false);
    expect(can(actor("CHAIR"), "proposal.inviteSponsor", { authorOrganizationId: "o" })).toBe(false);
    expect(can(actor("OBSERVER"), "proposal.inviteSponsor", { authorOrganizationId: "o" })).toBe(false);
  });

  it("only a delegate of the invited delegation answers, and only while it sees the clause", () => {
    expect(can(actor("DELEGATE"), "proposal.answerSponsorship", { sponsorOrganizationId: "o" })).toBe(true);
    expect(can(actor("DELEGATE"), "proposal.answerSponsorship", { sponsorOrganizationId: "another" })).toBe(false);
    expect(can(actor("READER"), "proposal.answerSponsorship", { sponsorOrganizationId: "o" })).toBe(false);
    expect(
      can(actor("DELEGATE"), "proposal.answerSponsorship", { sponsorOrganizationId: "o", restrictedTo: ["another"] }),
    ).toBe(false);
  });
});
