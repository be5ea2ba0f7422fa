import { dictionaryKeys } from '../../api/dictionaries.ts';
import { useInvalidation, useNotifiedMutation, type NotifiedMutationOptions } from '../../hooks/use-notified-mutation.ts';

/**
 * A change to a dictionary entry (add, edit, enable or disable): on success a message and the dictionaries
 * refreshed (every form and list that shows their labels); on failure the server's message, on the form field it
 * names when `form` has it.
 */
export function useDictionaryMutation<Variables, Data>(
  mutationFn: (variables: Variables) => Promise<Data>,
  options: NotifiedMutationOptions<Data>,
) {
  return useNotifiedMutation(mutationFn, options, useInvalidation(dictionaryKeys.all));
}
