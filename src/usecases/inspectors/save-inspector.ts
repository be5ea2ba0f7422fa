import { DomainError } from '../../domain/errors.ts';
import { checkPhone } from '../../domain/registry/phone.ts';
import type { InspectorPost, InspectorRole, InspectorStatus } from '../../domain/registry/inspector-rules.ts';
import type { Tx } from '../../db/client.ts';
import { listDictionaryEntries } from '../../db/dictionary-queries.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { findInspectorByBadge, insertInspector, listInspectorZones, setInspectorZones, updateInspectorRow } from '../../db/inspector-queries.ts';
import { listZoneMembers } from '../../db/org-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { requireOrgInScope } from '../lib/require-org-in-scope.ts';
import { getInspector } from './get-inspector.ts';
import { changedFields } from '../../domain/changes.ts';

export type InspectorInput = {
  name: string;
  badgeNo: string;
  certificateNo?: string | null | undefined;
  certificateValidFrom?: string | null | undefined;
  certificateValidUntil?: string | null | undefined;
  orgId: string;
  post: InspectorPost;
  duty?: string | null | undefined;
  roles: InspectorRole[];
  specialties: string[];
  drawWeight?: number | undefined;
  phone?: string | null | undefined;
  zoneIds: string[];
  status?: InspectorStatus | undefined;
};

const invalid = (field: string, message: string) => new DomainError('VALIDATION_FAILED', message, { field });
const DUPLICATE_BADGE = () => new DomainError('CONFLICT', '警号/工号：已被其他检查人员使用', { field: 'badgeNo' });

/**
 * Creates (id = null) or edits an inspector of the actor's subtree. The draw weight defaults to the post's
 * weight from the dictionary; zones must contain the inspector's brigade; the phone must dial.
 */
export async function saveInspector(ctx: UseCaseContext, id: string | null, patch: Partial<InspectorInput>): Promise<string> {
  requirePermission(ctx.actor, 'registry.manage');
  try {
    return await ctx.db.transaction(async (tx) => {
      const existing = id ? await getInspector(ctx, id, tx) : null;
      const base: Partial<InspectorInput> = existing
        ? { ...existing.inspector, roles: existing.inspector.roles as InspectorRole[], zoneIds: undefined }
        : {};
      const input = { ...base, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as InspectorInput;
      const org = await requireOrgInScope(ctx, tx, input.orgId, { name: 'orgId', label: '所属机构' });
      if (input.certificateValidFrom && input.certificateValidUntil && input.certificateValidUntil < input.certificateValidFrom) {
        throw invalid('certificateValidUntil', '执法证有效期止：不能早于有效期起');
      }
      let phone = input.phone ?? null;
      if (phone) {
        const checked = checkPhone(phone);
        if (!checked.valid) throw invalid('phone', `手机号：${checked.errors[0]}`);
        phone = checked.normalized;
      }
      const specialtyCodes = new Set((await listDictionaryEntries(tx)).filter((e) => e.kind === 'specialty' && e.active).map((e) => e.code));
      const unknown = input.specialties?.find((s) => !specialtyCodes.has(s));
      if (unknown) throw invalid('specialties', `专长：「${unknown}」不在字典中`);
      const drawWeight = input.drawWeight ?? (await defaultWeight(tx, input.post));
      const sameBadge = await findInspectorByBadge(tx, input.badgeNo);
      if (sameBadge && sameBadge.id !== id) throw DUPLICATE_BADGE();

      const values = {
        name: input.name,
        badgeNo: input.badgeNo,
        certificateNo: input.certificateNo ?? null,
        certificateValidFrom: input.certificateValidFrom ?? null,
        certificateValidUntil: input.certificateValidUntil ?? null,
        orgId: org.id,
        post: input.post,
        duty: input.duty ?? null,
        roles: [...new Set(input.roles)],
        specialties: [...new Set(input.specialties ?? [])],
        drawWeight,
        phone,
        status: input.status ?? 'active',
      };
      let targetId = id;
      if (existing) {
        const changes = changedFields(existing.inspector, values, Object.keys(values) as (keyof typeof values)[]);
        if (Object.keys(changes).length > 0) {
          await updateInspectorRow(tx, existing.inspector.id, { ...values, updatedAt: ctx.now });
          await recordAudit(tx, ctx, { action: 'inspector.update', targetType: 'inspector', targetId: id, orgId: org.id, summary: { name: values.name, changes } });
        }
      } else {
        targetId = await insertInspector(tx, { ...values, createdAt: ctx.now, updatedAt: ctx.now });
        await recordAudit(tx, ctx, {
          action: 'inspector.create',
          targetType: 'inspector',
          targetId,
          orgId: org.id,
          summary: { name: values.name, badgeNo: values.badgeNo, post: values.post, roles: values.roles, drawWeight },
        });
      }
      // An edit that leaves the zones out keeps them; a move to another brigade re-checks the kept zones against it.
      const movedWithZonesKept = existing && patch.zoneIds === undefined && org.id !== existing.inspector.orgId;
      const zoneIds = movedWithZonesKept ? (await listInspectorZones(tx, existing.inspector.id)).map((z) => z.id) : patch.zoneIds;
      if (zoneIds !== undefined) await saveZones(tx, targetId!, org.id, zoneIds);
      return targetId!;
    });
  } catch (e) {
    if (isUniqueViolation(e, 'inspectors_badge_no_key')) throw DUPLICATE_BADGE();
    throw e;
  }
}

async function defaultWeight(tx: Tx, post: InspectorPost): Promise<number> {
  const entry = (await listDictionaryEntries(tx)).find((e) => e.kind === 'inspector_post_weight' && e.code === post);
  return entry?.weight ?? 1;
}

async function saveZones(tx: Tx, inspectorId: string, orgId: string, zoneIds: string[]): Promise<void> {
  const wanted = [...new Set(zoneIds)];
  if (wanted.length > 0) {
    const rows = await listZoneMembers(tx, wanted);
    const bad = wanted.find((z) => !rows.some((r) => r.zoneId === z && r.brigadeId === orgId));
    if (bad) throw invalid('zoneIds', '协作区：只能选择包含该人员所在大队的协作区');
  }
  await setInspectorZones(tx, inspectorId, wanted);
}
