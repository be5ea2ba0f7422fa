import { unitKeys } from '../../api/units.ts';
import { useInvalidation, useNotifiedMutation, type NotifiedMutationOptions } from '../../hooks/use-notified-mutation.ts';

/**
 * A change to units (edit, status, transfer, flag, create): on success a message and every unit query refreshed
 * (lists, details, quality); on failure the server's message, on the form field it names when `form` has it.
 */
export function useUnitMutation<Variables, Data>(
  mutationFn: (variables: Variables) => Promise<Data>,
  options: NotifiedMutationOptions<Data>,
) {
  return useNotifiedMutation(mutationFn, options, useInvalidation(unitKeys.all));
}
