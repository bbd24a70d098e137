// Demo accounts: invented people, one or more per organisation in demo-organizations.ts.
// They all share one password, which only ever exists in demo data.

/** The password of every demo account. Never use it for anything but demo data. */
export const DEMO_PASSWORD = "clausework-demo";

export interface DemoUser {
  email: string;
  name: string;
  /** Code of the organisation the user belongs to (DemoOrganization.code). */
  organizationCode: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { email: "chair@clausework.demo", name: "Inés Valderrama", organizationCode: "CHAIR" },
  { email: "secretariat@clausework.demo", name: "Tomasz Wierzbicki", organizationCode: "CHAIR" },
  { email: "armenia@clausework.demo", name: "Anahit Sargsyan", organizationCode: "ARM" },
  { email: "australia@clausework.demo", name: "Chloe Whitfield", organizationCode: "AUS" },
  { email: "australia-legal@clausework.demo", name: "Sam Nguyen", organizationCode: "AUS" },
  { email: "canada@clausework.demo", name: "Marc-André Gagnon", organizationCode: "CAN" },
  { email: "france@clausework.demo", name: "Camille Roussel", organizationCode: "FRA" },
  { email: "germany@clausework.demo", name: "Jonas Albrecht", organizationCode: "DEU" },
  { email: "jamaica@clausework.demo", name: "Andre Campbell", organizationCode: "JAM" },
  { email: "new-zealand@clausework.demo", name: "Aroha Whitcombe", organizationCode: "NZL" },
  { email: "philippines@clausework.demo", name: "Maria Lourdes Dizon", organizationCode: "PHL" },
  { email: "russian-federation@clausework.demo", name: "Dmitri Voronov", organizationCode: "RUS" },
  { email: "caricom@clausework.demo", name: "Keisha Thompson", organizationCode: "CARICOM" },
  { email: "eu@clausework.demo", name: "Sofie Van den Berghe", organizationCode: "EU" },
  { email: "observer@clausework.demo", name: "Nia Okafor", organizationCode: "LARKSPUR" },
  { email: "press@clausework.demo", name: "Lena Holm", organizationCode: "PRESS" },
];
