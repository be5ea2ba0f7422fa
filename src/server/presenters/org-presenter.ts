import { ORG_KIND_LABELS } from '../../domain/access.ts';
import type { CollaborationZoneView, OrgTreeNode, OrgView } from '../../contracts/orgs.ts';
import type { OrgCounts, OrgRow, ZoneRow } from '../../db/org-queries.ts';
import type { OrgTreeItem } from '../../usecases/orgs/list-org-tree.ts';

export function presentOrg(org: OrgRow & OrgCounts): OrgView {
  return {
    id: org.id,
    parentId: org.parentId,
    kind: org.kind,
    kindLabel: ORG_KIND_LABELS[org.kind],
    name: org.name,
    shortName: org.shortName,
    divisionCode: org.divisionCode,
    accountCount: org.accountCount,
    unitCount: org.unitCount,
    inspectorCount: org.inspectorCount,
  };
}

export function presentOrgTree(item: OrgTreeItem): OrgTreeNode {
  return { ...presentOrg(item), children: item.children.map(presentOrgTree) };
}

export function presentZone(zone: ZoneRow): CollaborationZoneView {
  return { id: zone.id, detachmentId: zone.detachmentId, detachmentName: zone.detachmentName, name: zone.name, brigades: zone.brigades };
}
