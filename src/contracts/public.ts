export type HealthView = { status: 'ok'; database: 'pglite' | 'postgres'; version: string };

export type PortalHomeView = {
  systemName: string;
  orgs: { id: string; name: string; kind: string; kindLabel: string; parentId: string | null; unitCount: number }[];
  totals: { brigades: number; units: number; inspectors: number };
  auditChain: { entries: number; lastHash: string | null };
  /** When these figures were counted (the home page is shared by every visitor for half a minute). */
  asOf: string;
};
