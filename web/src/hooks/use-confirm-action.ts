import { App } from 'antd';
import { useCallback } from 'react';

/**
 * A confirmation before an action that cannot be taken back (发布, 重新生成): the dialog stays open with a
 * spinner while `action` runs; a failure was already reported by the mutation, so it only closes the dialog.
 */
export function useConfirmAction(): (options: {
  title: string;
  content: string;
  okText: string;
  action: () => Promise<unknown>;
}) => void {
  const { modal } = App.useApp();
  return useCallback(
    ({ title, content, okText, action }) => {
      modal.confirm({ title, content, okText, onOk: () => action().catch(() => undefined) });
    },
    [modal],
  );
}
