// The signed-in person's notifications (the bell), and marking them read.
import { z } from "zod";
import { listNotifications } from "@/lib/comments/list-notifications";
import { markNotificationsRead, ZMarkNotificationsRead } from "@/lib/comments/mark-notifications-read";
import { routeDoor } from "@/lib/doors/route-door";

export const GET = routeDoor("notification.list", z.object({}), (user) => listNotifications(user));
export const POST = routeDoor("notification.read", ZMarkNotificationsRead, markNotificationsRead);
