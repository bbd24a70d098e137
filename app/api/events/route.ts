// The live stream of a signed-in tab (lib/live/live-stream-door.ts).
import { openLiveStream } from "@/lib/live/live-stream-door";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return openLiveStream(request);
}
