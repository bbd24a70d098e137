// The one mapping from an application error's code to the HTTP status a door answers with.
// Domain code throws AppError(code, message); only doors speak HTTP.
import type { AppErrorCode } from "@/lib/errors/app-error";

export const STATUS_FOR: Record<AppErrorCode, 400 | 401 | 403 | 404 | 409 | 413 | 429 | 503> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 400,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
};
