"use client";
// The bell in the header: how many notifications are unread, and a list linking to each thread.
// Read again when the live stream says this person's notifications changed (pushed from the
// server, on every instance: lib/live), when the stream opens (so a drop misses nothing), and
// when the window regains focus.
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { useLiveEvents } from "@/components/live/use-live-events";
import { RelativeTime } from "@/components/ui/relative-time";
import type { NotificationView } from "@/lib/comments/list-notifications";
import { notificationHref, notificationVerb } from "./notification-words";

async function post(body: unknown) {
  await fetch("/api/notifications", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  }).catch(() => null);
}

export function NotificationBell() {
  const [data, setData] = useState<{ unread: number; items: NotificationView[] } | null>(null);
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);

  const refresh = useCallback(async () => {
    const response = await fetch("/api/notifications").catch(() => null);
    if (response?.ok) setData(await response.json());
  }, []);

  useEffect(() => {
    void refresh();
    const onFocus = () => void refresh();
    window.addEventListener("focus", onFocus);
    return () => window.removeEventListener("focus", onFocus);
  }, [refresh]);

  useLiveEvents((notice) => {
    if (notice.type === "notifications.changed" || notice.type === "stream.opened") void refresh();
  });

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !box.current?.contains(event.target as Node)) {
        setOpen(false);
      }
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  const unread = data?.unread ?? 0;
  return (
    <div ref={box} className="relative">
      <button
        type="button"
        aria-label={unread > 0 ? `Notifications, ${unread} unread` : "Notifications"}
        aria-expanded={open}
        onClick={() => {
          // Opened, the list is read again: what a notice quotes (a proposal's words) may have
          // moved on since the count last changed.
          if (!open) void refresh();
          setOpen(!open);
        }}
        className="relative rounded-md p-1.5 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-un"
        data-testid="notification-bell"
      >
        <svg aria-hidden viewBox="0 0 24 24" className="size-5 fill-none stroke-slate-700 stroke-2">
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 && (
          <span
            className="absolute -right-1 -top-1 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-semibold leading-5 text-white"
            data-testid="notification-count"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>
      {open && (
        <div className="absolute right-0 z-40 mt-2 w-96 max-w-[90vw] rounded-lg border border-slate-200 bg-white shadow-xl">
          <div className="flex items-center justify-between border-b border-slate-200 px-3 py-2">
            <h2 className="text-sm font-semibold">Notifications</h2>
            {unread > 0 && (
              <button
                type="button"
                className="text-xs text-un hover:underline"
                onClick={async () => {
                  await post({ all: true });
                  await refresh();
                }}
              >
                Mark all as read
              </button>
            )}
          </div>
          {data && data.items.length === 0 ? (
            <p className="px-3 py-4 text-sm text-slate-500">
              Nothing yet. You are told here when someone mentions you or replies to you, when a proposal your
              delegation took a position on is revised, and when the chair decides a proposal you follow.
            </p>
          ) : (
            <ul className="max-h-96 divide-y divide-slate-100 overflow-auto" data-testid="notification-list">
              {data?.items.map((item) => (
                <li key={item.id}>
                  <Link
                    href={notificationHref(item)}
                    onClick={() => {
                      setOpen(false);
                      if (!item.read) void post({ ids: [item.id] }).then(refresh);
                    }}
                    className={`block px-3 py-2 text-sm hover:bg-slate-50 ${item.read ? "" : "bg-sky-50/60"}`}
                  >
                    <span className="flex justify-between gap-2">
                      <span>
                        <span className="font-medium">{item.actor.name}</span>{" "}
                        <span className="text-slate-500">({item.actor.organizationCode})</span> {notificationVerb(item)}{" "}
                        Article {item.clause.number}
                        {item.kind === "PROPOSAL_REVISED" && " — confirm or change your position"}
                        {item.kind === "SPONSOR_INVITED" && " — accept or decline"}
                        {item.kind === "SPONSORED_REVISED" && " — confirm or withdraw your sponsorship"}
                      </span>
                      {!item.read && (
                        <span className="mt-1.5 size-2 shrink-0 rounded-full bg-un">
                          <span className="sr-only">unread</span>
                        </span>
                      )}
                    </span>
                    <span className="line-clamp-2 text-slate-600">{item.preview}</span>
                    <RelativeTime iso={item.createdAt} />
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
