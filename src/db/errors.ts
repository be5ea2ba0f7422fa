/** Whether a driver error (pg or PGlite, possibly wrapped by drizzle) is a unique-constraint violation. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === '23505') {
      return !constraint || String((e as { constraint?: unknown }).constraint ?? (e as Error).message).includes(constraint);
    }
  }
  return false;
}
