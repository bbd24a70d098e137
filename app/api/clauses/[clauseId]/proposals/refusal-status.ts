// The proposal routes' reading of the application's refusals as HTTP answers, until every door
// maps AppError codes itself. A decision pinned to words that changed is a conflict (409).
import { DoorRefusal } from "@/lib/doors/door-result";
import { isAppError } from "@/lib/errors/app-error";

const STATUS = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 400,
  conflict: 409,
  too_large: 400,
  rate_limited: 400,
  unavailable: 503,
} as const;

/** Runs `work`; an AppError it throws becomes the door's refusal with the matching status. */
export async function refusingAsHttp<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isAppError(error)) throw new DoorRefusal(STATUS[error.code], error.message);
    throw error;
  }
}
