// A numbered paragraph's status: PUT `{ "status": "OPEN" | "AGREED_AD_REF" | "AGREED" }` (the chair).
import { z } from "zod";
import { routeDoor } from "@/lib/doors/route-door";
import { setParagraphStatus, ZSetParagraphStatus } from "@/lib/paragraph-status/set-paragraph-status";

const ZRoute = ZSetParagraphStatus.extend({
  paragraph: z.coerce.number({ message: "Say which paragraph." }).int().min(0).max(10_000),
});

export const PUT = routeDoor("paragraph.setStatus", ZRoute, (by, input) => setParagraphStatus(by, input));
