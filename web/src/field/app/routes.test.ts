import { describe, expect, it } from 'vitest';
import { parseRoute, pathOf, type Route } from './routes.ts';

describe('the field app addresses', () => {
  const id = '11111111-1111-4111-8111-111111111111';
  const routes: Route[] = [
    { name: 'tasks', tab: 'today' },
    { name: 'tasks', tab: 'overdue' },
    { name: 'task', taskId: id },
    { name: 'record', taskId: id },
    { name: 'submitted', taskId: id },
    { name: 'outbox' },
    { name: 'me' },
  ];
  it.each(routes)('read back what they write: %o', (route) => {
    const url = new URL(pathOf(route), 'http://x');
    expect(parseRoute(url.pathname, url.search)).toEqual(route);
  });
  it('open the task list for anything unknown', () => {
    expect(parseRoute('/field/nothing')).toEqual({ name: 'tasks', tab: 'today' });
    expect(parseRoute('/field', '?tab=bogus')).toEqual({ name: 'tasks', tab: 'today' });
  });
});
