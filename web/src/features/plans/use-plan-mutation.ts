import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { App } from 'antd';
import { planKeys } from '../../api/plans.ts';
import { useApiErrorHandler } from '../../hooks/use-api-error.ts';

/**
 * A change to a plan: on success a message and every plan query refreshed (lists, the plan, its months, the
 * portal); on failure the server's message, on the form field it names when `form` has it.
 */
export function usePlanMutation<Variables, Data>(
  mutationFn: (variables: Variables) => Promise<Data>,
  options: { success: string | ((data: Data) => string); form?: FormInstance; onSuccess?: (data: Data) => void },
) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  return useMutation({
    mutationFn,
    onSuccess: (data) => {
      void message.success(typeof options.success === 'string' ? options.success : options.success(data));
      void queryClient.invalidateQueries({ queryKey: planKeys.all });
      options.onSuccess?.(data);
    },
    onError: (error) => handleError(error, options.form),
  });
}
