import { accountKeys } from '../../api/accounts.ts';
import { useInvalidation, useNotifiedMutation, type NotifiedMutationOptions } from '../../hooks/use-notified-mutation.ts';

/**
 * A change to an account (create, edit, status, password): on success a message and the account lists refreshed;
 * on failure the server's message, on the form field it names when `form` has it.
 */
export function useAccountMutation<Variables, Data>(
  mutationFn: (variables: Variables) => Promise<Data>,
  options: NotifiedMutationOptions<Data>,
) {
  return useNotifiedMutation(mutationFn, options, useInvalidation(accountKeys.lists));
}
