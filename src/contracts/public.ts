/** GET /api/health: 200 with status 'ok' when this instance answers and reaches its database, else 503 'unavailable'. */
export type HealthView = {
  status: 'ok' | 'unavailable';
  database: 'pglite' | 'postgres';
  version: string;
  /** Milliseconds a `select 1` took (null when it failed). */
  databaseMs: number | null;
  /** Why not 'ok' (Chinese), or null. */
  problem: string | null;
};

export type PortalHomeView = {
  systemName: string;
  orgs: { id: string; name: string; kind: string; kindLabel: string; parentId: string | null; unitCount: number }[];
  totals: { brigades: number; units: number; inspectors: number };
  auditChain: { entries: number; lastHash: string | null };
  /** When these figures were counted (the home page is shared by every visitor for half a minute). */
  asOf: string;
};
