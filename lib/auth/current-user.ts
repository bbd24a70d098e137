import "server-only";
import { redirect } from "next/navigation";
// The signed-in person for pages and route handlers. Pages call requireUser(); it sends
// anyone without a live session to the sign-in page.
import { getServerSession } from "next-auth";
import { cache } from "react";
import { authOptions } from "./options";
import type { SessionUser } from "./session-user";

// Once per request: the layout, the page and its metadata all ask, and each answer costs a
// session decode plus a database read.
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  // The session callback only fills organizationId for an active person with a delegation.
  return session?.user?.organizationId ? session.user : null;
});

export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/signin");
  return user;
}
