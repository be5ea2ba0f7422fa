import type { FormInstance } from 'antd';
import { App } from 'antd';
import { useCallback } from 'react';
import { ApiError, isUnauthenticated } from '../api/client.ts';

/**
 * Reports a failed request: on the form field the server named when the form has it, otherwise through
 * antd `message`. A lost session is not reported (the client is already on its way to the login page).
 */
export function useApiErrorHandler(): (error: Error, form?: FormInstance) => void {
  const { message } = App.useApp();
  return useCallback(
    (error: Error, form?: FormInstance) => {
      if (isUnauthenticated(error)) return;
      const field = error instanceof ApiError ? error.field : undefined;
      const values: unknown = form?.getFieldsValue();
      if (form && field && typeof values === 'object' && values !== null && Object.hasOwn(values, field)) {
        form.setFields([{ name: field, errors: [error.message] }]);
        form.scrollToField(field);
        return;
      }
      void message.error(error.message);
    },
    [message],
  );
}
