import type { FormInstance } from 'antd';
import { App } from 'antd';
import { useCallback } from 'react';

/** What antd's Form.Item passes to a custom control. */
export type ControlProps<T> = { value?: T; onChange?: (value: T) => void; disabled?: boolean };

/**
 * Validates the form and returns every value it holds — getFieldsValue(true), so keys without a field of
 * their own (a quota row's code, settings the form does not show) are kept — or null after telling the
 * user to fix the marked fields.
 */
export function useValidatedValues<Values>(form: FormInstance<Values>): () => Promise<Values | null> {
  const { message } = App.useApp();
  return useCallback(async () => {
    try {
      await form.validateFields();
      return form.getFieldsValue(true) as Values;
    } catch {
      void message.error('请先修正标红的内容');
      return null;
    }
  }, [form, message]);
}
