import type { CheckItemDetail } from '@contracts/check-items.ts';
import { useQueryClient } from '@tanstack/react-query';
import { checkItemKeys } from '../../api/check-items.ts';
import { setAnswerAndInvalidateRest } from '../../api/query-client.ts';
import { useNotifiedMutation, type NotifiedMutationOptions } from '../../hooks/use-notified-mutation.ts';

/**
 * A change to a check item, answered with the item: on success a message, the item's page shows the answer at
 * once and the other check-item queries (the list) are refreshed; on failure the server's message, on the form
 * field or checklist row it names when `form` has it, then — with `refreshOnError` — where the item stands now.
 */
export function useCheckItemMutation<Variables>(
  mutationFn: (variables: Variables) => Promise<CheckItemDetail>,
  options: NotifiedMutationOptions<CheckItemDetail> & { refreshOnError?: boolean },
) {
  const queryClient = useQueryClient();
  return useNotifiedMutation(mutationFn, options, {
    refresh: (saved) => setAnswerAndInvalidateRest(queryClient, checkItemKeys.detail(saved.id), saved, checkItemKeys.all),
    ...(options.refreshOnError
      ? { refreshOnError: () => void queryClient.invalidateQueries({ queryKey: checkItemKeys.all }) }
      : {}),
  });
}
