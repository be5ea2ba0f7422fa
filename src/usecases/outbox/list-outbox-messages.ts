import type { OutboxListQuery } from '../../contracts/field.ts';
import { hasPermission } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import { listOutboxMessages as queryMessages } from '../../db/field-queries.ts';
import { scopePathOf } from '../lib/actor.ts';
import type { UseCaseContext } from '../lib/context.ts';

/** 消息发件箱: the messages of the actor's subtree with their state (administrators and 纪检; they carry phone numbers). */
export async function listOutboxMessages(ctx: UseCaseContext, query: OutboxListQuery) {
  if (!hasPermission(ctx.actor, 'draws.manage') && !hasPermission(ctx.actor, 'audit.read')) {
    throw new DomainError('FORBIDDEN', '您没有查看消息发件箱的权限');
  }
  const { rows, total } = await queryMessages(ctx.db, {
    scopePath: scopePathOf(ctx.actor),
    state: query.state,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { rows, total, page: query.page, pageSize: query.pageSize };
}
