// The one error type the application throws when it refuses something. It says what kind of
// refusal it is (a code) and why, in words a person can read; doors in app/ map the code to an
// HTTP status or a socket message. Domain code never speaks HTTP.

export type AppErrorCode =
  | "unauthenticated" // no session, or it ended
  | "forbidden" // signed in, but may not do this
  | "not_found" // does not exist, or is hidden from this person
  | "invalid_input" // the request itself is wrong
  | "conflict" // the thing changed since it was read (decided, revised, raced)
  | "too_large" // a body, message or update over its limit
  | "rate_limited" // too many attempts or messages
  | "unavailable"; // a part the app needs (the database, the collaboration server) is down

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** Extra facts a door may pass on (e.g. which field was wrong). Never secrets. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
