import type { InboxView } from '../../contracts/self-checks.ts';
import { listUnreadInbox } from '../../db/self-check-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';

/** 待阅消息: the reader's own unread items, newest first (a report read by opening it). */
export async function listInbox(ctx: UseCaseContext): Promise<InboxView> {
  const rows = await listUnreadInbox(ctx.db, ctx.actor.accountId, 20);
  return { items: rows.map((r) => ({ id: r.id, title: r.title, body: r.body, link: r.link, createdAt: r.createdAt.toISOString() })) };
}
