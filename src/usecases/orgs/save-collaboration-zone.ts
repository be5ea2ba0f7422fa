import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { findOrgsByIds, findZoneById, insertZone, isZoneNameTaken, listZones, renameZone, setZoneMembers } from '../../db/org-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { getOrg } from './get-org.ts';

export type SaveZoneInput = { detachmentId: string; name: string; brigadeIds: string[] };

const DUPLICATE = () => new DomainError('CONFLICT', '名称：该支队已有同名协作区', { field: 'name' });

/**
 * Creates (id = null) or replaces a 协作区. Only those whose subtree contains the detachment manage it;
 * every member must be a brigade of that detachment.
 */
export async function saveCollaborationZone(ctx: UseCaseContext, id: string | null, input: SaveZoneInput) {
  requirePermission(ctx.actor, 'orgs.manage');
  const brigadeIds = [...new Set(input.brigadeIds)];
  if (brigadeIds.length < 2) throw new DomainError('VALIDATION_FAILED', '成员大队：协作区至少包含 2 个大队', { field: 'brigadeIds' });
  try {
    const zoneId = await ctx.db.transaction(async (tx) => {
      const detachment = await getOrg(ctx, input.detachmentId, tx).catch(() => {
        throw new DomainError('VALIDATION_FAILED', '所属支队：不存在', { field: 'detachmentId' });
      });
      if (detachment.kind !== 'detachment') {
        throw new DomainError('VALIDATION_FAILED', '所属支队：协作区只能设在支队', { field: 'detachmentId' });
      }
      const members = await findOrgsByIds(tx, brigadeIds);
      const outside = brigadeIds.filter((b) => !members.some((m) => m.id === b && m.parentId === detachment.id && m.kind === 'brigade'));
      if (outside.length > 0) {
        throw new DomainError('VALIDATION_FAILED', '成员大队：只能选择该支队下属的大队', { field: 'brigadeIds' });
      }
      let before: { name: string; brigades: string[] } | null = null;
      const targetId = id ?? randomUUID();
      if (id) {
        const existing = await findZoneById(tx, id);
        // The detachment is in the actor's scope (getOrg above), so a zone of it is too.
        const visible = existing && (await listZones(tx, detachment.path)).find((z) => z.id === id);
        if (!existing || !visible) throw new DomainError('NOT_FOUND', '协作区不存在');
        if (existing.detachmentId !== detachment.id) {
          throw new DomainError('VALIDATION_FAILED', '所属支队：协作区不能改换支队', { field: 'detachmentId' });
        }
        before = { name: visible.name, brigades: visible.brigades.map((b) => b.name) };
        if (await isZoneNameTaken(tx, detachment.id, input.name, id)) throw DUPLICATE();
        await renameZone(tx, id, input.name);
      } else {
        await insertZone(tx, { id: targetId, detachmentId: detachment.id, name: input.name, createdAt: ctx.now });
      }
      await setZoneMembers(tx, targetId, brigadeIds);
      const after = { name: input.name, brigades: members.map((m) => m.name) };
      await recordAudit(tx, ctx, {
        action: id ? 'zone.update' : 'zone.create',
        targetType: 'collaboration_zone',
        targetId: targetId,
        orgId: detachment.id,
        summary: before ? { before, after } : after,
      });
      return targetId;
    });
    const zones = await listZones(ctx.db, null);
    return zones.find((z) => z.id === zoneId)!;
  } catch (e) {
    if (isUniqueViolation(e, 'collaboration_zones_detachment_name_key')) throw DUPLICATE();
    throw e;
  }
}
