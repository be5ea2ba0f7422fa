import { ORG_KIND_LABELS } from '../../domain/access.ts';
import type { PortalHomeView } from '../../contracts/public.ts';
import type { getPortalHome } from '../../usecases/public/get-portal-home.ts';

const SYSTEM_NAME = '双随机消防监管系统';

/** The portal's home: organisations with their registry sizes, the totals and the audit-chain head. */
export function presentPortalHome(home: Awaited<ReturnType<typeof getPortalHome>>): PortalHomeView {
  return {
    systemName: SYSTEM_NAME,
    orgs: home.orgs.map((o) => ({
      id: o.id,
      name: o.name,
      kind: o.kind,
      kindLabel: ORG_KIND_LABELS[o.kind],
      parentId: o.parentId,
      unitCount: o.unitCount,
    })),
    totals: home.totals,
    auditChain: home.auditChain,
    asOf: home.asOf.toISOString(),
  };
}
