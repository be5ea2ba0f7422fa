import type { Tx } from '../../db/client.ts';
import { recordSystemAudit, type AuditRecord } from '../lib/audit.ts';
import { systemActorContext } from '../lib/system-actor.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { UNIT_ACTOR_NAME } from './open-unit-access.ts';
import type { UnitContext } from './unit-session.ts';

/** Audits what the unit did on its own page: no account, the actor named 「单位（凭核验码）」. */
export async function recordUnitAudit(tx: Tx, ctx: UnitContext, record: AuditRecord): Promise<void> {
  await recordSystemAudit(tx, { db: ctx.db, ip: ctx.ip, now: ctx.now, actorName: UNIT_ACTOR_NAME }, record);
}

/** For shared steps written for an acting account (the 复查 task): the unit acts as the nil account under its name. */
export function unitActingContext(ctx: UnitContext): UseCaseContext {
  return systemActorContext({ db: ctx.db, ip: ctx.ip, now: ctx.now, actorName: UNIT_ACTOR_NAME });
}
