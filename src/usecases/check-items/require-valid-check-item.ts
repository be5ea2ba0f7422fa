import type { CheckItemFields } from '../../domain/check-items/check-item.ts';
import { checkItemProblems } from '../../domain/check-items/check-item.ts';
import { DomainError } from '../../domain/errors.ts';

/**
 * Refuses fields that break a domain rule, with the first problem's Chinese message, its field and its full path
 * ("checklist.2.code", so the editor marks the very row); the contract checked them too.
 */
export function requireValidCheckItem(fields: CheckItemFields): void {
  const [problem] = checkItemProblems(fields);
  if (problem)
    throw new DomainError('VALIDATION_FAILED', problem.message, { field: problem.field, path: problem.path.join('.') });
}
