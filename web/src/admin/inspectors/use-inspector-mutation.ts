import { inspectorKeys } from '../../api/inspectors.ts';
import { useInvalidation, useNotifiedMutation, type NotifiedMutationOptions } from '../../hooks/use-notified-mutation.ts';

/**
 * A change to an inspector (the record, an unavailable period, a recusal): on success a message and every
 * inspector query (lists, details) and recusal list refreshed; on failure the server's message, on the form field
 * it names when `form` has it.
 */
export function useInspectorMutation<Variables, Data>(
  mutationFn: (variables: Variables) => Promise<Data>,
  options: NotifiedMutationOptions<Data>,
) {
  return useNotifiedMutation(mutationFn, options, useInvalidation(inspectorKeys.all, inspectorKeys.recusals));
}
