import type { DrawView } from '@contracts/draws.ts';
import { useQueryClient } from '@tanstack/react-query';
import { drawKeys } from '../../api/draws.ts';
import { setAnswerAndInvalidateRest } from '../../api/query-client.ts';
import { useNotifiedMutation, type NotifiedMutationOptions } from '../../hooks/use-notified-mutation.ts';

/**
 * A step of the draw table or a change to its tasks: on success a message, the draw page shows the answer at once
 * (when the call returns the draw, which is then not fetched again) and every other draw and task query is
 * refreshed, the portal's too; on failure the server's Chinese message (a 409 is a normal answer here: two
 * entries disagree, another account executed first…).
 */
export function useDrawMutation<Variables, Data>(
  mutationFn: (variables: Variables) => Promise<Data>,
  options: NotifiedMutationOptions<Data>,
) {
  const queryClient = useQueryClient();
  return useNotifiedMutation(mutationFn, options, {
    refresh: (data) => {
      if (isDrawView(data)) setAnswerAndInvalidateRest(queryClient, drawKeys.draw(data.id), data, drawKeys.all);
      else void queryClient.invalidateQueries({ queryKey: drawKeys.all });
      void queryClient.invalidateQueries({ queryKey: drawKeys.public });
    },
    // The draw may have moved on meanwhile (another account's entry or execution): show where it is now.
    refreshOnError: () => void queryClient.invalidateQueries({ queryKey: drawKeys.all }),
  });
}

function isDrawView(data: unknown): data is DrawView {
  return typeof data === 'object' && data !== null && 'nextStep' in data && 'manifestHash' in data;
}
