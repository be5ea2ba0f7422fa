import type { z } from 'zod';
import { validationError } from './errors.ts';

/** Validates a request part at the boundary; failures become a 400 naming the field in Chinese. */
export function parse<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data ?? {});
  if (!result.success) throw validationError(result.error);
  return result.data;
}
