import "server-only";
// One route door per administration command, built once.
import { ADMIN_OPERATIONS, type AdminOperation } from "@/lib/admin/admin-operations";
import { routeDoor } from "@/lib/doors/route-door";
import type { DoorCommand } from "@/lib/doors/run-door";

// `command()` already checked each schema against its command; the map only forgets which is which.
export const adminRoutes = Object.fromEntries(
  Object.entries(ADMIN_OPERATIONS).map(([name, { input, run }]) => [
    name,
    routeDoor(name, input, run as DoorCommand<typeof input, unknown>),
  ]),
) as Record<AdminOperation, (request: Request) => Promise<Response>>;
