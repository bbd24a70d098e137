"use client";
// The browser's side of a route handler: every call answers a value or the server's own clear
// message (the door's refusal, word for word); nothing here decides who may do what.

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: string };

export async function callRoute<T>(method: string, url: string, body: unknown, offline: string): Promise<ApiResult<T>> {
  try {
    const response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = await response.json().catch(() => null);
    if (response.ok) return { ok: true, value: data as T };
    return { ok: false, error: (data as { error?: string } | null)?.error ?? "The server refused this." };
  } catch {
    return { ok: false, error: offline };
  }
}
