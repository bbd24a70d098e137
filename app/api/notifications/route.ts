// The signed-in person's notifications (the bell), and marking them read.
import { z } from "zod";
import { listNotifications } from "@/lib/comments/list-notifications";
import { markNotificationsRead } from "@/lib/comments/mark-notifications-read";
import { answer } from "@/lib/doors/request-input";
import { userDoor } from "@/lib/doors/user-door";

const list = userDoor("notification.list", z.object({}), (user) => listNotifications(user));
const read = userDoor(
  "notification.read",
  z.union([z.object({ ids: z.array(z.uuid()).max(100) }), z.object({ all: z.literal(true) })], {
    error: "Say which notifications to mark read.",
  }),
  async (user, which) => ({ marked: await markNotificationsRead(user.id, which) }),
);

export async function GET(request: Request) {
  return answer(request, {}, list);
}

export async function POST(request: Request) {
  return answer(request, {}, read);
}
