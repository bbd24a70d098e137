// npm run admin:grant -- <email>            makes the person a system administrator
// npm run admin:grant -- --revoke <email>   takes the role away
// A system administrator may act on any person's account (sign-in link, deactivation, move,
// invitation) from an instrument they manage, even where that person also takes part in
// instruments they do not manage. Audited in every instrument's trail.

import { grantSystemAdmin } from "@/lib/admin/grant-system-admin";
import { disconnectPrisma } from "@/lib/db/prisma";

async function main(args: string[]): Promise<number> {
  const revoke = args.includes("--revoke");
  const [email] = args.filter((arg) => arg !== "--revoke");
  if (!process.env.DATABASE_URL || !email) {
    console.error("Usage: DATABASE_URL=… npm run admin:grant -- [--revoke] <email>");
    return 2;
  }
  const { changed, name } = await grantSystemAdmin(email, !revoke);
  const role = revoke ? "no longer a system administrator" : "a system administrator";
  console.log(changed ? `${name} <${email}> is now ${role}.` : `${name} <${email}> was already ${role}.`);
  return 0;
}

main(process.argv.slice(2))
  .then(async (code) => {
    await disconnectPrisma();
    process.exit(code);
  })
  .catch(async (error) => {
    console.error(error instanceof Error ? error.message : error);
    await disconnectPrisma().catch(() => {});
    process.exit(1);
  });
