// The door of the live stream (GET /api/events): one server-sent-events stream per signed-in tab.
// Like every door it checks the session first — from the cookie, as the collaboration socket
// does, since the stream must know the token's session version and times to end with it — and
// answers a refusal as JSON through the one mapping (lib/doors/refusal.ts). Another site's page
// may not open it. The stream itself says nothing until something the person sees changes.
import { sessionFromCookie } from "@/lib/auth/session-cookie";
import { doorResultToResponse } from "@/lib/doors/door-result";
import { refusalOf } from "@/lib/doors/refusal";
import { isSameOriginRequest } from "@/lib/doors/same-origin";
import { AppError } from "@/lib/errors/app-error";
import { log } from "@/lib/log";
import { type LiveStreams, liveStreams } from "./live-registry";

const DOOR = "live.events";
/** Past this many unread bytes in a tab's buffer, the tab is taken for gone. */
const MAX_BUFFERED = 256 * 1024;

export const LIVE_STREAM_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  // no-transform: nothing on the way (Next's compression included) may hold frames back to pack them.
  "cache-control": "no-cache, no-store, no-transform",
  "x-accel-buffering": "no",
};

function refuse(error: AppError): Response {
  return doorResultToResponse(refusalOf(DOOR, error));
}

export async function openLiveStream(request: Request, streams: LiveStreams | null = liveStreams()): Promise<Response> {
  if (!isSameOriginRequest(request))
    return refuse(new AppError("forbidden", "Live updates come only to this site's pages."));
  let session: Awaited<ReturnType<typeof sessionFromCookie>>;
  try {
    session = await sessionFromCookie(request.headers.get("cookie"));
  } catch (error) {
    return doorResultToResponse(refusalOf(DOOR, error));
  }
  if (!session) return refuse(new AppError("unauthenticated", "Your session has ended. Sign in again."));
  if (!streams) return refuse(new AppError("unavailable", "Live updates are not available on this server."));
  const { user } = session;
  const encoder = new TextEncoder();
  let stop: (() => void) | null = null;
  let open = true;
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const end = () => {
          if (!open) return;
          open = false;
          stop?.();
          request.signal.removeEventListener("abort", end);
          try {
            controller.close();
          } catch {
            // already cancelled by the tab
          }
        };
        stop = streams.add({
          userId: user.id,
          organizationId: user.organizationId,
          sessionVersion: session.version,
          expiresAt: session.expiresAt,
          times: session.times,
          write(frame) {
            if (!open) return false;
            try {
              controller.enqueue(encoder.encode(frame));
            } catch {
              return false; // the tab went away between two frames
            }
            return (controller.desiredSize ?? 0) > -MAX_BUFFERED;
          },
          end,
        });
        request.signal.addEventListener("abort", end);
        // Sends the headers at once, so the tab knows it is live.
        controller.enqueue(encoder.encode(": open\n\n"));
        log.debug({ event: "live.opened", userId: user.id }, "live stream opened");
      },
      // The tab went away (Next cancels the body when the connection closes).
      cancel() {
        open = false;
        stop?.();
      },
    },
    { highWaterMark: 0, size: (chunk) => chunk.byteLength },
  );
  return new Response(body, { headers: LIVE_STREAM_HEADERS });
}
