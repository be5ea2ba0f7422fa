import { useQueryClient } from '@tanstack/react-query';
import { planKeys } from '../../api/plans.ts';
import { useNotifiedMutation, type NotifiedMutationOptions } from '../../hooks/use-notified-mutation.ts';

/**
 * A change to a plan: on success a message and every plan query refreshed (lists, the plan, its months, the
 * portal); on failure the server's message, on the form field it names when `form` has it.
 */
export function usePlanMutation<Variables, Data>(
  mutationFn: (variables: Variables) => Promise<Data>,
  options: NotifiedMutationOptions<Data>,
) {
  const queryClient = useQueryClient();
  return useNotifiedMutation(mutationFn, options, {
    refresh: () => void queryClient.invalidateQueries({ queryKey: planKeys.all }),
  });
}
