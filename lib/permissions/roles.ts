// Roles in an instrument, as stored on Participant. Kept free of Prisma so the
// permissions module stays pure and loads in the browser too.
export const ROLES = ["CHAIR", "DELEGATE", "OBSERVER", "READER"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  CHAIR: "Chair / Secretariat",
  DELEGATE: "Delegation",
  OBSERVER: "Observer / Expert",
  READER: "Reader",
};
