import type { FormInstance } from 'antd';
import { App } from 'antd';
import { useCallback } from 'react';
import { ApiError, isUnauthenticated } from '../api/client.ts';

type NamePath = (string | number)[];

/** A server error's `path` as antd names the field: "checklist.2.code" → ['checklist', 2, 'code'] (a list index is a number). */
const namePathOf = (path: string): NamePath => path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/** `name` when the form holds a field there, else null. */
function formFieldAt(form: FormInstance, name: NamePath): NamePath | null {
  let values: unknown = form.getFieldsValue();
  for (const part of name) {
    if (typeof values !== 'object' || values === null || !Object.hasOwn(values, part)) return null;
    values = (values as Record<string | number, unknown>)[part];
  }
  return name;
}

/** Where a form shows a server error: the exact field of its `path` when the form has it, else its top-level `field`. */
function formFieldOf(form: FormInstance, error: ApiError): NamePath | null {
  return (
    (error.path ? formFieldAt(form, namePathOf(error.path)) : null) ?? (error.field ? formFieldAt(form, [error.field]) : null)
  );
}

/**
 * Reports a failed request: on the form field the server named when the form has it — the exact field of its
 * `path` (a checklist row's code) before the top-level `field` — otherwise through antd `message`. A lost
 * session is not reported (the client is already on its way to the login page).
 */
export function useApiErrorHandler(): (error: Error, form?: FormInstance) => void {
  const { message } = App.useApp();
  return useCallback(
    (error: Error, form?: FormInstance) => {
      if (isUnauthenticated(error)) return;
      const name = form && error instanceof ApiError ? formFieldOf(form, error) : null;
      if (form && name) {
        form.setFields([{ name, errors: [error.message] }]);
        form.scrollToField(name);
        return;
      }
      void message.error(error.message);
    },
    [message],
  );
}
