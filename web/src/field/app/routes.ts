/** The field app's screens and their addresses under /field/. */
export type Route =
  | { name: 'tasks'; tab: 'today' | 'week' | 'overdue' | 'done' }
  | { name: 'task'; taskId: string }
  | { name: 'record'; taskId: string }
  /** The submitted record, read-only: the 协办 confirms it here. */
  | { name: 'submitted'; taskId: string }
  | { name: 'outbox' }
  | { name: 'me' };

const TABS = ['today', 'week', 'overdue', 'done'] as const;

/** Reads a location (path and query); anything unknown is the task list. */
export function parseRoute(pathname: string, search = ''): Route {
  const path = pathname.replace(/\/+$/, '');
  const submitted = /^\/field\/tasks\/([0-9a-f-]{36})\/submitted$/i.exec(path);
  if (submitted) return { name: 'submitted', taskId: submitted[1]!.toLowerCase() };
  const record = /^\/field\/tasks\/([0-9a-f-]{36})\/record$/i.exec(path);
  if (record) return { name: 'record', taskId: record[1]!.toLowerCase() };
  const task = /^\/field\/tasks\/([0-9a-f-]{36})$/i.exec(path);
  if (task) return { name: 'task', taskId: task[1]!.toLowerCase() };
  if (path === '/field/outbox') return { name: 'outbox' };
  if (path === '/field/me') return { name: 'me' };
  const tab = new URLSearchParams(search).get('tab');
  return { name: 'tasks', tab: TABS.find((t) => t === tab) ?? 'today' };
}

export function pathOf(route: Route): string {
  switch (route.name) {
    case 'tasks':
      return route.tab === 'today' ? '/field/' : `/field/?tab=${route.tab}`;
    case 'task':
      return `/field/tasks/${route.taskId}`;
    case 'record':
      return `/field/tasks/${route.taskId}/record`;
    case 'submitted':
      return `/field/tasks/${route.taskId}/submitted`;
    case 'outbox':
      return '/field/outbox';
    case 'me':
      return '/field/me';
  }
}
