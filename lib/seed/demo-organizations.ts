// The delegations, groups and offices of the demo negotiation. Invented people sit in them
// (demo-users.ts); the states and groups are real, the observer network and press office are not.
import type { OrganizationKind, ParticipantRole } from "../db/generated/client";

export interface DemoOrganization {
  /** Badge code; ISO 3166-1 alpha-3 for states. */
  code: string;
  name: string;
  kind: OrganizationKind;
  /** Role in the demo instrument. */
  role: ParticipantRole;
  /** Caret, badge and proposal colour; white text on it meets WCAG AA (4.5:1). */
  colour: string;
}

export const DEMO_ORGANIZATIONS: readonly DemoOrganization[] = [
  {
    code: "CHAIR",
    name: "Chair and Secretariat of the Ad Hoc Committee",
    kind: "SECRETARIAT",
    role: "CHAIR",
    colour: "#334155",
  },
  { code: "ARM", name: "Armenia", kind: "MEMBER_STATE", role: "DELEGATE", colour: "#9a3412" },
  { code: "AUS", name: "Australia", kind: "MEMBER_STATE", role: "DELEGATE", colour: "#1d4ed8" },
  { code: "CAN", name: "Canada", kind: "MEMBER_STATE", role: "DELEGATE", colour: "#c81e1e" },
  { code: "FRA", name: "France", kind: "MEMBER_STATE", role: "DELEGATE", colour: "#be185d" },
  { code: "DEU", name: "Germany", kind: "MEMBER_STATE", role: "DELEGATE", colour: "#854d0e" },
  { code: "JAM", name: "Jamaica", kind: "MEMBER_STATE", role: "DELEGATE", colour: "#15803d" },
  { code: "NZL", name: "New Zealand", kind: "MEMBER_STATE", role: "DELEGATE", colour: "#0369a1" },
  { code: "PHL", name: "Philippines", kind: "MEMBER_STATE", role: "DELEGATE", colour: "#0f766e" },
  { code: "RUS", name: "Russian Federation", kind: "MEMBER_STATE", role: "DELEGATE", colour: "#7e22ce" },
  {
    code: "CARICOM",
    name: "Caribbean Community (CARICOM)",
    kind: "REGIONAL_GROUP",
    role: "DELEGATE",
    colour: "#3f6212",
  },
  { code: "EU", name: "European Union", kind: "REGIONAL_GROUP", role: "DELEGATE", colour: "#1e3a8a" },
  {
    code: "LARKSPUR",
    name: "Larkspur Network on Child Online Protection",
    kind: "OBSERVER",
    role: "OBSERVER",
    colour: "#a21caf",
  },
  {
    code: "PRESS",
    name: "Press and Public Information Office",
    kind: "OBSERVER",
    role: "READER",
    colour: "#57534e",
  },
];
