import { parseArgs } from 'node:util';
import { z } from 'zod';

/** Parses --name value options and validates them with zod; a bad option exits with a Chinese message. */
export function parseOptions<S extends z.ZodType>(argv: string[], names: string[], schema: S): z.infer<S> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: Object.fromEntries(names.map((n) => [n, { type: 'string' as const }])),
    allowPositionals: true,
    strict: true,
  });
  const result = schema.safeParse({ ...values, _: positionals });
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new CliError(`参数 --${issue.path.join('.')}：${issue.message}`);
  }
  return result.data;
}

export class CliError extends Error {}

/** An integer option between `min` and `max`, refused in Chinese naming it. */
export const intOption = (label: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `${label}应为整数`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${label}应在 ${min}–${max} 之间`);
