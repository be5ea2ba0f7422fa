import { App } from 'antd';
import { useEffect } from 'react';
import { useBlocker } from 'react-router';

/**
 * While `when` holds, leaving the page asks first: closing or reloading the tab (the browser's own prompt) and
 * following a link inside the app (a confirmation with `message`).
 */
export function useLeaveGuard(when: boolean, message: string): void {
  const { modal } = App.useApp();
  const blocker = useBlocker(when);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: '离开此页面？',
      content: message,
      okText: '仍要离开',
      okButtonProps: { danger: true },
      cancelText: '留在此页',
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal, message]);
  useEffect(() => {
    if (!when) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [when]);
}
