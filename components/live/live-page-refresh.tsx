"use client";
// Reads the page again when what the person may see changed (a role, a restriction, a clause
// added or moved), and when the live stream reopens after a drop: what changed meanwhile was
// not heard. Mounted once per page (the workspace layout).
import { useRouter } from "next/navigation";
import { useLiveEvents } from "./use-live-events";

export function LivePageRefresh() {
  const router = useRouter();
  useLiveEvents((notice) => {
    if (notice.type === "outline.changed" || (notice.type === "stream.opened" && notice.missedSome)) router.refresh();
  });
  return null;
}
