// A command reads its input through its own schema too, not only at the door: called from a
// test, a script or another command, it refuses bad input the same way ("invalid_input").
import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    throw new AppError("invalid_input", parsed.error.issues.map((issue) => issue.message).join("; "));
  return parsed.data;
}
