import { parseArgs } from 'node:util';
import type { z } from 'zod';

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
