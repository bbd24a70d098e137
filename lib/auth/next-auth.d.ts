import type { SessionUser } from "./session-user";

declare module "next-auth" {
  interface Session {
    user: SessionUser;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
  }
}
