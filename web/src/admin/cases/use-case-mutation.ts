import { useQueryClient } from '@tanstack/react-query';
import { caseKeys } from '../../api/cases.ts';
import { useNotifiedMutation, type NotifiedMutationOptions } from '../../hooks/use-notified-mutation.ts';

/** A step of a case, a referral or a sealing: a message, then every case and follow-up query refreshed (and the documents'). */
export function useCaseMutation<Variables, Data>(mutationFn: (variables: Variables) => Promise<Data>, options: NotifiedMutationOptions<Data>) {
  const queryClient = useQueryClient();
  return useNotifiedMutation(mutationFn, options, {
    refresh: () => {
      void queryClient.invalidateQueries({ queryKey: caseKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['documents'] });
    },
    refreshOnError: () => void queryClient.invalidateQueries({ queryKey: caseKeys.all }),
  });
}
