import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { App } from 'antd';
import { useApiErrorHandler } from './use-api-error.ts';

/** What a caller of a notified mutation says: the success message, the form that shows field errors, what follows. */
export type NotifiedMutationOptions<Data> = {
  success: string | ((data: Data) => string);
  form?: FormInstance;
  onSuccess?: (data: Data) => void;
};

/**
 * A mutation that reports itself: on success a message, then the feature's `refresh` (its queries), then the
 * caller's `onSuccess`; on failure the server's message, on the form field it names when `form` has it, then the
 * feature's `refreshOnError` when it wants to show where things stand now.
 */
export function useNotifiedMutation<Variables, Data>(
  mutationFn: (variables: Variables) => Promise<Data>,
  options: NotifiedMutationOptions<Data>,
  feature: { refresh: (data: Data) => void; refreshOnError?: () => void },
) {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  return useMutation({
    mutationFn,
    onSuccess: (data) => {
      void message.success(typeof options.success === 'string' ? options.success : options.success(data));
      feature.refresh(data);
      options.onSuccess?.(data);
    },
    onError: (error) => {
      handleError(error, options.form);
      feature.refreshOnError?.();
    },
  });
}

/**
 * The feature side of `useNotifiedMutation` for a change whose answer is not kept: every query under the given
 * key prefixes is refreshed.
 */
export function useInvalidation(...queryKeys: QueryKey[]): { refresh: () => void } {
  const queryClient = useQueryClient();
  return {
    refresh: () => {
      for (const queryKey of queryKeys) void queryClient.invalidateQueries({ queryKey });
    },
  };
}
