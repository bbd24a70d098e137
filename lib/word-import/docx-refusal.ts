// Why a file cannot be imported, in words the secretariat can act on. Every refusal of the
// reader is one of these, so the door answers 400 (or 413 for size) with the message and
// nothing is stored.
import { AppError } from "@/lib/errors/app-error";

export function refuseDocx(message: string): AppError {
  return new AppError("invalid_input", message);
}

export function refuseDocxSize(message: string): AppError {
  return new AppError("too_large", message);
}
