import type { SessionUser } from "./session-user";

declare module "next-auth" {
  interface Session {
    user: SessionUser;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    /** The person's session version when the token was issued (lib/auth/session-version.ts). */
    sv?: number;
    /** When the person signed in, and when they were last active (ms since the epoch). */
    signedInAt?: number;
    activeAt?: number;
  }
}
