import { Workbox } from 'workbox-window';

export type UpdateState = { waiting: boolean; apply: () => void; check: () => void };

const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * Registers the field app's service worker (/field-sw.js, scope /field/) in prompt mode (field rule 10): a new
 * version waits until the inspector taps 「更新」, which the app offers only when no form is open; it is looked for
 * every hour and whenever the app comes back to the screen. The worker script itself is served uncached.
 */
export function registerFieldServiceWorker(onChange: (state: UpdateState) => void): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const wb = new Workbox('/field-sw.js', { scope: '/field/' });
  const check = () => {
    if (navigator.onLine) void wb.update().catch(() => undefined);
  };
  const apply = () => {
    wb.addEventListener('controlling', () => window.location.reload());
    wb.messageSkipWaiting();
  };
  let waiting = false;
  wb.addEventListener('waiting', () => {
    waiting = true;
    onChange({ waiting, apply, check });
  });
  void wb
    .register()
    .then(() => onChange({ waiting, apply, check }))
    .catch(() => undefined);
  window.setInterval(check, CHECK_EVERY_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
}
