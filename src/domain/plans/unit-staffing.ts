/**
 * Whether every candidate of a manifest can be staffed (draw-algorithm.md §6: "If E is empty the draw fails (UNFILLED)
 * — check feasibility before freeze"). Pure.
 */
export type StaffingInput = {
  candidates: readonly (readonly [string, string, number, string])[];
  inspectors: readonly (readonly [string, readonly string[], readonly string[], number])[];
  conflicts: readonly (readonly [string, string, string])[];
  assignment: { lead: number; assistant: number };
};

export type UnstaffableUnit = { unitId: string; pool: string; leads: number; assistants: number; distinct: number };

/**
 * Candidates that could be drawn but not staffed whatever the seed: fewer eligible 主办 than `lead`, fewer
 * eligible 协办 than `assistant`, or fewer distinct eligible people than lead + assistant (one person is never
 * both on a task). Eligible = serves the unit's pool, has the role, no conflict with the unit.
 */
export function findUnstaffableUnits(input: StaffingInput): UnstaffableUnit[] {
  const byPool = new Map<string, (typeof input.inspectors)[number][]>();
  for (const row of input.inspectors) {
    for (const pool of row[1]) {
      const members = byPool.get(pool);
      if (members) members.push(row);
      else byPool.set(pool, [row]);
    }
  }
  const conflicted = new Set(input.conflicts.map(([inspectorId, unitId]) => `${inspectorId}\u0000${unitId}`));
  const out: UnstaffableUnit[] = [];
  for (const [unitId, , , pool] of input.candidates) {
    const eligible = (byPool.get(pool) ?? []).filter(([id]) => !conflicted.has(`${id}\u0000${unitId}`));
    const leads = eligible.filter((r) => r[2].includes('lead')).length;
    const assistants = eligible.filter((r) => r[2].includes('assistant')).length;
    const distinct = eligible.filter((r) => r[2].includes('lead') || r[2].includes('assistant')).length;
    if (leads < input.assignment.lead || assistants < input.assignment.assistant || distinct < input.assignment.lead + input.assignment.assistant) {
      out.push({ unitId, pool, leads, assistants, distinct });
    }
  }
  return out;
}
