import type { OrgTreeNode, OrgView } from '@contracts/orgs.ts';

/** A tree node shaped for antd Table tree data: leaves have no `children`, so no expand icon. */
export type OrgRow = OrgView & { children?: OrgRow[] };

export function toOrgRows(nodes: OrgTreeNode[]): OrgRow[] {
  return nodes.map(({ children, ...org }) => (children.length ? { ...org, children: toOrgRows(children) } : org));
}

/** Every node of the tree, parents before children. */
export function flattenOrgTree(nodes: OrgTreeNode[]): OrgTreeNode[] {
  return nodes.flatMap((node) => [node, ...flattenOrgTree(node.children)]);
}

export type OrgTotals = { orgs: number; units: number; inspectors: number; accounts: number };

/** Sums the counters of every org in the tree (the caller's whole subtree). */
export function sumOrgTree(nodes: OrgTreeNode[]): OrgTotals {
  return flattenOrgTree(nodes).reduce<OrgTotals>(
    (sum, org) => ({
      orgs: sum.orgs + 1,
      units: sum.units + org.unitCount,
      inspectors: sum.inspectors + org.inspectorCount,
      accounts: sum.accounts + org.accountCount,
    }),
    { orgs: 0, units: 0, inspectors: 0, accounts: 0 },
  );
}

/** Nests a flat list by `parentId` (items whose parent is not in the list become roots), keeping list order. */
export function nestByParent<T extends { id: string; parentId: string | null }>(
  items: T[],
): (T & { children?: T[] })[] {
  type Node = T & { children?: Node[] };
  const ids = new Set(items.map((item) => item.id));
  const childrenOf = new Map<string | null, T[]>();
  for (const item of items) {
    const key = item.parentId !== null && ids.has(item.parentId) ? item.parentId : null;
    childrenOf.set(key, [...(childrenOf.get(key) ?? []), item]);
  }
  const build = (parentId: string | null): Node[] =>
    (childrenOf.get(parentId) ?? []).map((item) => {
      const children = build(item.id);
      return children.length ? { ...item, children } : item;
    });
  return build(null);
}

/** An org for pickers: name, kind label and depth in the caller's tree (0 = the caller's own org). */
export type OrgOption = { id: string; name: string; kind: string; kindLabel: string; depth: number };

/** Every org of the tree for an indented picker, parents before children. */
export function orgOptionsFromTree(nodes: OrgTreeNode[], depth = 0): OrgOption[] {
  return nodes.flatMap((node) => [
    { id: node.id, name: node.name, kind: node.kind, kindLabel: node.kindLabel, depth },
    ...orgOptionsFromTree(node.children, depth + 1),
  ]);
}

/** The 大队 of the tree, in tree order. */
export function brigadesOf(nodes: OrgTreeNode[]): OrgTreeNode[] {
  return flattenOrgTree(nodes).filter((org) => org.kind === 'brigade');
}

/**
 * The GB/T 2260 code whose counties the caller's units lie in: the prefecture of the caller's own org
 * (330702 → 330700); a province-level org (330000) stays a province code.
 */
export function prefectureCodeOf(nodes: OrgTreeNode[]): string | undefined {
  const code = nodes[0]?.divisionCode;
  if (!code || !/^[0-9]{6}$/.test(code)) return undefined;
  return `${code.slice(0, 4)}00`;
}
