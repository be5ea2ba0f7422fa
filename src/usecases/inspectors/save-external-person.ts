import { DomainError } from '../../domain/errors.ts';
import { checkPhone } from '../../domain/registry/phone.ts';
import { findExternalPersonById, insertExternalPerson, listExternalPeoplePage, updateExternalPersonRow, type ExternalPersonFilter } from '../../db/inspector-queries.ts';
import { scopePathOf } from '../lib/actor.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requireInScope, requirePermission } from '../lib/require.ts';
import { requireOrgInScope } from '../lib/require-org-in-scope.ts';
import { changedFields } from '../../domain/changes.ts';

export type ExternalPersonInput = {
  orgId: string;
  kind: 'expert' | 'department_staff';
  name: string;
  organization: string;
  title?: string | null | undefined;
  specialties: string[];
  certificateNo?: string | null | undefined;
  phone?: string | null | undefined;
  active: boolean;
  notes?: string | null | undefined;
};

export async function listExternalPeople(ctx: UseCaseContext, query: Omit<ExternalPersonFilter, 'scopePath'> & { page: number; pageSize: number }) {
  requirePermission(ctx.actor, 'registry.read');
  const { page, pageSize, ...filter } = query;
  return listExternalPeoplePage(ctx.db, { ...filter, scopePath: scopePathOf(ctx.actor) }, page, pageSize);
}

/** Adds (id = null) or replaces an expert (专家库) or another department's enforcement officer. */
export async function saveExternalPerson(ctx: UseCaseContext, id: string | null, input: ExternalPersonInput): Promise<string> {
  requirePermission(ctx.actor, 'registry.manage');
  const org = await requireOrgInScope(ctx, ctx.db, input.orgId, { name: 'orgId', label: '所属机构' });
  let phone = input.phone ?? null;
  if (phone) {
    const checked = checkPhone(phone);
    if (!checked.valid) throw new DomainError('VALIDATION_FAILED', `手机号：${checked.errors[0]}`, { field: 'phone' });
    phone = checked.normalized;
  }
  const values = { ...input, title: input.title ?? null, certificateNo: input.certificateNo ?? null, notes: input.notes ?? null, phone };
  return ctx.db.transaction(async (tx) => {
    if (id) {
      const found = await findExternalPersonById(tx, id);
      if (!found) throw new DomainError('NOT_FOUND', '人员不存在');
      requireInScope(ctx.actor, found.org.path, '人员');
      // Lists show the phone masked, so an edit that leaves it out keeps the stored number.
      if (input.phone === undefined) values.phone = found.person.phone;
      const changes = changedFields(found.person, values, Object.keys(values) as (keyof typeof values)[]);
      if (Object.keys(changes).length === 0) return id;
      await updateExternalPersonRow(tx, id, { ...values, updatedAt: ctx.now });
      await recordAudit(tx, ctx, { action: 'external.update', targetType: 'external_person', targetId: id, orgId: org.id, summary: { name: values.name, changes } });
      return id;
    }
    const newId = await insertExternalPerson(tx, { ...values, createdAt: ctx.now, updatedAt: ctx.now });
    await recordAudit(tx, ctx, {
      action: 'external.create',
      targetType: 'external_person',
      targetId: newId,
      orgId: org.id,
      summary: { name: values.name, kind: values.kind, organization: values.organization },
    });
    return newId;
  });
}
