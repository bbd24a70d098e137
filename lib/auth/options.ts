// next-auth configuration: email + password always, one generic OIDC provider when the
// environment names one (governments bring their own single sign-on).
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { Provider } from "next-auth/providers/index";
import { recordAuditEventAlone } from "@/lib/audit/record-audit-event";
import { prisma } from "@/lib/db/prisma";
import { log } from "@/lib/log";
import { findSessionUser } from "./find-session-user";
import { oidcSignIn } from "./oidc-sign-in";
import { passwordSignIn } from "./password-sign-in";
import { ABSOLUTE_HOURS, isSessionLive, sessionTimesOf, slideSession } from "./session-lifetime";
import { sessionVersionOf } from "./session-version";
import { signOutEverywhere } from "./sign-out-everywhere";

function oidcProvider(): Provider | null {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } = process.env;
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET) return null;
  return {
    id: "oidc",
    name: process.env.OIDC_NAME ?? "Single sign-on",
    type: "oauth",
    wellKnown: `${OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: OIDC_CLIENT_ID,
    clientSecret: OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile(profile: { sub: string; name?: string; email?: string }) {
      return { id: profile.sub, name: profile.name ?? profile.email ?? profile.sub, email: profile.email };
    },
  };
}

export function isOidcConfigured(): boolean {
  return oidcProvider() !== null;
}

export const authOptions: NextAuthOptions = {
  // A session ends after an hour without activity and 12 hours after sign-in at the latest
  // (lib/auth/session-lifetime.ts); sign-out, a new password and deactivation end every session
  // of the person at once (the session version, lib/auth/end-every-session.ts). The cookie lives
  // as long as the absolute limit; the other rules are checked on every read of it.
  session: { strategy: "jwt", maxAge: ABSOLUTE_HOURS * 60 * 60 },
  // Cookies are always HttpOnly and SameSite=Lax; behind HTTPS also Secure (and __Secure- named).
  useSecureCookies: (process.env.NEXTAUTH_URL ?? "").startsWith("https://"),
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const user = await passwordSignIn(credentials, request?.headers);
        if (!user) log.warn({ event: "signin.failed", email: credentials?.email }, "sign-in refused");
        return user ? { id: user.id } : null;
      },
    }),
    ...[oidcProvider()].filter((p): p is Provider => p !== null),
  ],
  callbacks: {
    // SSO only admits people the secretariat already registered, by a verified email
    // (lib/auth/oidc-sign-in.ts). `profile` is the provider's claims as it sent them.
    async signIn({ user, account, profile }) {
      if (account?.provider !== "oidc") return true;
      const admitted = await oidcSignIn(profile);
      if ("refused" in admitted) return `/signin?error=${admitted.refused}`;
      user.id = admitted.userId;
      return true;
    },
    // Every read of the session is activity and slides the idle limit; the new time is kept where
    // next-auth re-issues the cookie (GET /api/auth/session, which the browser calls on activity,
    // components/auth/session-keep-alive.tsx). An ended session is left as it is: it stays ended.
    // The token is stamped with the person's session version at sign-in: raising it ends the session.
    async jwt({ token, user }) {
      const now = Date.now();
      if (user) {
        const current = await prisma.user.findUnique({ where: { id: user.id }, select: { sessionVersion: true } });
        return { ...token, uid: user.id, sv: current?.sessionVersion ?? 0, signedInAt: now, activeAt: now };
      }
      const times = sessionTimesOf(token);
      return times ? { ...token, ...slideSession(times, now) } : token;
    },
    async session({ session, token }) {
      const times = sessionTimesOf(token);
      if (!times || !isSessionLive(times, Date.now())) return session;
      const current = token.uid ? await findSessionUser(token.uid, sessionVersionOf(token)) : null;
      if (current) session.user = current;
      return session;
    },
  },
  events: {
    async signIn({ user, account }) {
      log.info({ event: "signin", userId: user.id, provider: account?.provider }, "signed in");
      const actor = await findSessionUser(user.id);
      await recordAuditEventAlone({
        action: "signin",
        actor,
        target: { type: "user", id: user.id },
        details: { provider: account?.provider ?? "credentials" },
      });
    },
    // POST /api/auth/signout: this cookie is cleared, and every other copy of the session ends too.
    async signOut({ token }) {
      await signOutEverywhere(token);
    },
  },
};
